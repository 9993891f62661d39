import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainScore } from '../src/engine/gnn/explain';
import { scoreItems, userRepresentation } from '../src/engine/gnn/model';
import type { SideEvent } from '../src/engine/rank/recommender';
import { createRng } from '../tools/lib/random';
import { syntheticEvent, syntheticItemSide, syntheticProfile } from '../tools/lib/synthetic-gnn';
import { historyOf } from './helpers/gnn-session';

const ITEMS = 40;
const EMBEDDING_DIM = 6;

describe('explainScore', () => {
  it('splits every score exactly into the shares of the products acted on and of the profile', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 25 }), fc.boolean(), (seed, eventCount, withProfile) => {
        const rng = createRng(seed);
        const model = syntheticItemSide({ itemCount: ITEMS, dim: 8, layers: 2, seed, profileEmbeddingDim: EMBEDDING_DIM });
        const events: SideEvent[] = Array.from({ length: eventCount }, (_, t) => syntheticEvent(rng, ITEMS, t, 10));
        const history = historyOf(events, withProfile ? syntheticProfile(EMBEDDING_DIM, rng) : undefined);
        const scores = scoreItems(model, userRepresentation(model, history));
        const spread = Math.max(1e-6, ...Array.from(scores, Math.abs));
        // Every product acted on, except those dismissed without a positive: they never count as interest.
        const positives = new Set(history.positives);
        const dismissedOnly = new Set(events.filter((e) => e.event === 'dismiss' && !positives.has(e.item)).map((e) => e.item));
        const interacted = new Set(events.map((e) => e.item).filter((item) => !dismissedOnly.has(item)));
        for (let item = 0; item < ITEMS; item++) {
          const explanation = explainScore(model, history, item);
          expect(Math.abs(explanation.score - scores[item]!) / spread).toBeLessThan(1e-4);
          const shares = explanation.contributions.map((c) => c.share);
          expect(shares).toEqual([...shares].sort((a, b) => b - a));
          for (const { source } of explanation.contributions) {
            if (source.kind === 'item') expect(interacted.has(source.item)).toBe(true);
          }
          // The profile (or, without one, the learned "average person") is always a source.
          expect(explanation.contributions.filter((c) => c.source.kind === 'profile')).toHaveLength(1);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the whole score to the one favourite of a person, for a model without profile features', () => {
    const model = syntheticItemSide({ itemCount: ITEMS, dim: 8, layers: 2, seed: 3 });
    const history = { positives: [7] };
    const explanation = explainScore(model, history, 7);
    expect(explanation.contributions.map((c) => c.source)).toEqual([{ kind: 'item', item: 7 }]);
    expect(() => explainScore(model, history, ITEMS)).toThrow(RangeError);
  });
});
