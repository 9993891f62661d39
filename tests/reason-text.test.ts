import { describe, expect, it } from 'vitest';
import { createI18n } from '../src/i18n/i18n';
import { reasonParts, type ReasonPart } from '../src/ui/for-you/reason-text';

const nameOf = (id: string) => ({ 'sav-1': 'Easy-Access Saver' })[id] ?? id;
const en = createI18n('en').t;
const zh = createI18n('zh-CN').t;

/** The sentence as read, the product name put back in. */
const plain = (parts: readonly ReasonPart[]) => parts.map((part) => (typeof part === 'string' ? part : part.productName)).join('');

describe('reasonParts', () => {
  it('says each kind of reason as a sentence', () => {
    const say = (reason: Parameters<typeof reasonParts>[0]) => plain(reasonParts(reason, nameOf, en));
    expect(say({ kind: 'interaction', productId: 'sav-1', event: 'favourite', share: 0.4 })).toBe('Similar to Easy-Access Saver you saved');
    expect(say({ kind: 'interaction', productId: 'sav-1', event: 'apply', share: 0.4 })).toBe('Similar to Easy-Access Saver you applied for');
    expect(say({ kind: 'interaction', productId: 'x', event: 'click', share: 0.1 })).toBe('Similar to x you opened');
    expect(say({ kind: 'goal', goal: 'emergency_fund', similarity: 0.6 })).toBe('Matches your goal: Emergency fund');
    expect(say({ kind: 'profile', share: 0.5 })).toBe('Fits your profile');
    expect(say({ kind: 'risk', productRisk: 2, personRisk: 3 })).toBe('R2, within your R3 level');
    expect(say({ kind: 'risk', productRisk: 4, personRisk: 3 })).toBe('R4, above your R3 level');
  });

  it('keeps the product a reason names apart from the sentence, in either language', () => {
    const reason = { kind: 'interaction', productId: 'sav-1', event: 'favourite', share: 0.4 } as const;
    expect(reasonParts(reason, nameOf, en)).toEqual(['Similar to ', { productName: 'Easy-Access Saver' }, ' you saved']);
    expect(reasonParts(reason, nameOf, zh)).toEqual(['与您收藏过的 ', { productName: 'Easy-Access Saver' }, ' 相似']);
  });

  it('says reasons in Chinese', () => {
    const say = (reason: Parameters<typeof reasonParts>[0]) => plain(reasonParts(reason, nameOf, zh));
    expect(say({ kind: 'goal', goal: 'emergency_fund', similarity: 0.6 })).toBe('符合您的目标：应急资金');
    expect(say({ kind: 'profile', share: 0.5 })).toBe('符合您的个人情况');
    expect(say({ kind: 'risk', productRisk: 4, personRisk: 3 })).toBe('R4，高于您的 R3 风险等级');
  });
});
