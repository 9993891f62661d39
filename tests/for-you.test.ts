/**
 * The For-you picker on the shipped GNN and catalog: the suitability guard, dismissals, evidence
 * from the person's own history, and the diversity control.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogRows, loadGnnModel, type LoadedGnn } from '../src/engine/gnn/load';
import { scoreUserHistory } from '../src/engine/gnn/model';
import { pickForYou } from '../src/engine/rank/for-you';
import { INTERACTION_EVENTS, type SideEvent } from '../src/engine/rank/recommender';
import { fileAssetSource } from '../tools/lib/file-assets';
import { loadCatalogFile } from '../tools/simulator';
import { historyOf } from './helpers/gnn-session';
import { ensureModels, repoRoot } from './helpers/models';

let loaded: LoadedGnn;
let itemRisk: Float64Array;

beforeAll(async () => {
  loaded = await loadGnnModel(fileAssetSource(await ensureModels()));
  const catalog = await loadCatalogFile(join(repoRoot, 'data', 'catalog', 'products.json'));
  const rows = catalogRows(loaded.info, catalog.products.map((product) => product.id));
  itemRisk = new Float64Array(loaded.model.itemCount);
  for (const product of catalog.products) itemRisk[rows.get(product.id)!] = product.risk_level;
}, 120_000);

const eventArbitrary = (itemCount: number): fc.Arbitrary<SideEvent> =>
  fc.record({ item: fc.integer({ min: 0, max: itemCount - 1 }), event: fc.constantFrom(...INTERACTION_EVENTS), timestamp: fc.nat() });

describe('pickForYou on the shipped model', () => {
  it('never returns a product above the risk level, a dismissed or an excluded one, and names only products acted on', () => {
    const { model } = loaded;
    fc.assert(
      fc.property(fc.array(eventArbitrary(model.itemCount), { maxLength: 30 }), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), (events, maxRisk, diversity) => {
        const history = historyOf(events);
        const scores = scoreUserHistory(model, history);
        const excluded = new Set(history.positives);
        const picks = pickForYou(model, history, scores, itemRisk, { limit: 10, maxRisk, diversity, excluded });
        const positives = new Set(history.positives);
        const dismissed = new Set(events.filter((e) => e.event === 'dismiss' && !positives.has(e.item)).map((e) => e.item));
        const actedOn = new Set(events.map((e) => e.item).filter((item) => !dismissed.has(item)));
        const suitable = Array.from(itemRisk).filter((risk, item) => risk <= maxRisk && !dismissed.has(item) && !excluded.has(item)).length;
        expect(picks).toHaveLength(Math.min(10, suitable));
        expect(new Set(picks.map((pick) => pick.item)).size).toBe(picks.length);
        for (const pick of picks) {
          expect(itemRisk[pick.item]).toBeLessThanOrEqual(maxRisk);
          expect(dismissed.has(pick.item) || excluded.has(pick.item)).toBe(false);
          if (pick.because) {
            expect(actedOn.has(pick.because.item)).toBe(true);
            expect(pick.because.share).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('returns the best-scoring suitable products at diversity 0, and less alike ones as diversity rises', () => {
    const { model } = loaded;
    const history = { positives: [3, 40, 90] };
    const scores = scoreUserHistory(model, history);
    const relevance = pickForYou(model, history, scores, itemRisk, { limit: 10, maxRisk: 5, diversity: 0 });
    const byScore = Array.from(scores.keys()).sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, 10);
    expect(relevance.map((pick) => pick.item)).toEqual(byScore);
    // Each pick of a favourite-only history is explained by one of the favourites.
    for (const pick of relevance) expect(history.positives).toContain(pick.because?.item);
    const meanSimilarity = (items: number[]): number => {
      const { dim, itemFinal } = model;
      const unit = (item: number): number[] => {
        const row = Array.from(itemFinal.subarray(item * dim, (item + 1) * dim));
        const norm = Math.hypot(...row);
        return row.map((value) => value / norm);
      };
      let total = 0;
      let pairs = 0;
      for (let a = 0; a < items.length; a++) {
        for (let b = a + 1; b < items.length; b++) {
          const [x, y] = [unit(items[a]!), unit(items[b]!)];
          total += x.reduce((sum, value, c) => sum + value * y[c]!, 0);
          pairs++;
        }
      }
      return total / pairs;
    };
    const diverse = pickForYou(model, history, scores, itemRisk, { limit: 10, maxRisk: 5, diversity: 0.7 });
    expect(meanSimilarity(diverse.map((pick) => pick.item))).toBeLessThan(meanSimilarity(byScore));
    expect(() => pickForYou(model, history, scores, itemRisk, { limit: 10, maxRisk: 5, diversity: 2 })).toThrow(RangeError);
  });
});
