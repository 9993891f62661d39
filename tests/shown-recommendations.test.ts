import { describe, expect, it } from 'vitest';
import type { Recommendation, Recommendations, RiskLevel } from '../src/protocol/engine-api';
import { EMPTY_PERSON } from '../src/state/person-events';
import { shownRecommendations } from '../src/state/shown-recommendations';

const RISK: Readonly<Record<string, RiskLevel>> = { r1: 1, r2: 2, r3: 3, r4: 4, r5: 5 };
const riskOf = (id: string): RiskLevel | undefined => RISK[id];

function item(productId: string): Recommendation {
  return { productId, score: 1, reasons: [{ kind: 'profile', share: 1 }] };
}

function result(personRisk: RiskLevel, items: readonly string[], aboveRisk: readonly string[] = []): Recommendations {
  return {
    items: items.map(item),
    aboveRisk: aboveRisk.map(item),
    personRisk,
    map: { points: [], person: { x: 0, y: 0 } },
    elapsedMs: 1,
  };
}

const ids = (list: readonly Recommendation[]) => list.map((entry) => entry.productId);

describe('shownRecommendations', () => {
  it('shows a current result as it is', () => {
    const shown = shownRecommendations(result(3, ['r1', 'r3', 'unknown'], ['r4']), EMPTY_PERSON, 3, riskOf);
    expect(ids(shown.items)).toEqual(['r1', 'r3', 'unknown']);
    expect(ids(shown.aboveRisk)).toEqual(['r4']);
  });

  it('hides at once what the person saved, applied for or dismissed', () => {
    const person = { ...EMPTY_PERSON, favourites: ['r1'], applied: ['r2'], dismissed: ['r4'] };
    const shown = shownRecommendations(result(3, ['r1', 'r2', 'r3'], ['r4', 'r5']), person, 3, riskOf);
    expect(ids(shown.items)).toEqual(['r3']);
    expect(ids(shown.aboveRisk)).toEqual(['r5']);
  });

  it('never lists a product above a lowered level while the new result is computed', () => {
    const shown = shownRecommendations(result(4, ['r4', 'r2', 'unknown', 'r3']), EMPTY_PERSON, 2, riskOf);
    expect(ids(shown.items)).toEqual(['r2']);
  });

  it('does not call a product above a raised level "above your level"', () => {
    const shown = shownRecommendations(result(2, ['r1'], ['r3', 'r5', 'unknown']), EMPTY_PERSON, 4, riskOf);
    expect(ids(shown.items)).toEqual(['r1']);
    expect(ids(shown.aboveRisk)).toEqual(['r5']);
  });
});
