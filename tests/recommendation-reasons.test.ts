import { describe, expect, it } from 'vitest';
import type { EvidenceKind } from '../src/engine/rank/person-log';
import { reasonsFor, type ReasonContext } from '../src/engine/rank/recommendation-reasons';

/** Row 0 is recommended; row 1 is the product the model credits for it. */
function context(contact: ReadonlyMap<string, EvidenceKind>): ReasonContext {
  return {
    rows: [
      { productId: 'sav-001', risk: 1, goals: ['emergency_fund'] },
      { productId: 'sav-002', risk: 2, goals: [] },
    ],
    contact,
    goals: new Map(),
    personRisk: 2,
  };
}

const evidence = { because: { item: 1, share: 0.4 }, profileShare: 0.1 };

describe('reasonsFor', () => {
  it('cites the product the score came from with the strongest thing the person did to it', () => {
    expect(reasonsFor(context(new Map([['sav-002', 'compare']])), 0, evidence)).toEqual([
      { kind: 'interaction', productId: 'sav-002', event: 'compare', share: 0.4 },
      { kind: 'risk', productRisk: 1, personRisk: 2 },
    ]);
  });

  it('cites no action the person did not take: without contact, the profile explains the pick instead', () => {
    // e.g. a favourite taken back: the model counts it, but there is nothing true to say about it.
    expect(reasonsFor(context(new Map()), 0, evidence)).toEqual([
      { kind: 'profile', share: 0.1 },
      { kind: 'risk', productRisk: 1, personRisk: 2 },
    ]);
  });
});
