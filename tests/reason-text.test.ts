import { describe, expect, it } from 'vitest';
import { reasonText } from '../src/ui/for-you/reason-text';

const nameOf = (id: string) => ({ 'sav-1': 'Easy-Access Saver' })[id] ?? id;

describe('reasonText', () => {
  it('says each kind of reason as a sentence', () => {
    expect(reasonText({ kind: 'interaction', productId: 'sav-1', event: 'favourite', share: 0.4 }, nameOf)).toBe('Similar to Easy-Access Saver you saved');
    expect(reasonText({ kind: 'interaction', productId: 'sav-1', event: 'apply', share: 0.4 }, nameOf)).toBe('Similar to Easy-Access Saver you applied for');
    expect(reasonText({ kind: 'interaction', productId: 'x', event: 'click', share: 0.1 }, nameOf)).toBe('Similar to x you opened');
    expect(reasonText({ kind: 'goal', goal: 'emergency_fund', similarity: 0.6 }, nameOf)).toBe('Matches your goal: Emergency fund');
    expect(reasonText({ kind: 'profile', share: 0.5 }, nameOf)).toBe('Fits your profile');
    expect(reasonText({ kind: 'risk', productRisk: 2, personRisk: 3 }, nameOf)).toBe('R2, within your R3 level');
    expect(reasonText({ kind: 'risk', productRisk: 4, personRisk: 3 }, nameOf)).toBe('R4, above your R3 level');
  });
});
