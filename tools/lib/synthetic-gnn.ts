/**
 * Seeded synthetic GNN item sides, event histories and item graphs of any size, for the GNN session
 * tests, the Chromium checks and `npm run bench:gnn`. Plain typed arrays and `random.ts` only, so
 * the same code runs in Node and in a browser page.
 *
 * The tables hold random values (timing does not depend on them, and the equality checks need no
 * trained model); the shape is the trained model's: `itemCount × dim` tables, one per layer, and
 * item degrees with the long tail of real purchase data.
 */
import type { CsrMatrix } from '../../src/engine/graph/csr';
import type { EventWeights, GnnItemSide } from '../../src/engine/gnn/model';
import { profileFeatureDim } from '../../src/engine/gnn/profile';
import type { InteractionEvent, SideEvent, UserProfile } from '../../src/engine/rank/recommender';
import { createRng, type Rng } from './random';

export interface SyntheticItemSideOptions {
  readonly itemCount: number;
  readonly dim: number;
  readonly layers: number;
  readonly seed: number;
  /** Goals-embedding length of the profile; absent: the model takes no profile. */
  readonly profileEmbeddingDim?: number;
  /** Defaults to the trained GNN's: favourite/purchase 1, click 0.5, view 0.2, profile prior 1. */
  readonly eventWeights?: EventWeights;
  readonly demoteDismissed?: boolean;
}

/** Entries of the trained tables are about this size (the training initialises them at std 0.1). */
const TABLE_STD = 0.1;

function normalTable(rng: Rng, length: number, std: number): Float32Array {
  const table = new Float32Array(length);
  for (let i = 0; i < length; i++) table[i] = std * rng.normal();
  return table;
}

/**
 * Zipf-like degrees: the item of popularity rank r (a random permutation) has
 * ⌊itemCount^0.75 / (r + 1)^0.9⌋ training positives, so a few items are bought often and a large
 * share never (as in the demo data, where some products have no purchase at all).
 */
export function longTailDegrees(itemCount: number, rng: Rng): Float32Array {
  const ranks = rng.shuffle(Array.from({ length: itemCount }, (_, r) => r));
  const top = Math.max(1, itemCount ** 0.75);
  return Float32Array.from(ranks, (rank) => Math.floor(top / (rank + 1) ** 0.9));
}

/** A random item side of the given size (see the file comment). */
export function syntheticItemSide(options: SyntheticItemSideOptions): GnnItemSide {
  const { itemCount, dim, layers, seed } = options;
  const rng = createRng(seed);
  const size = itemCount * dim;
  const profileDim = options.profileEmbeddingDim === undefined ? 0 : profileFeatureDim(options.profileEmbeddingDim);
  return {
    itemCount,
    dim,
    layers,
    aggregationSource: normalTable(rng, size, TABLE_STD),
    itemLayers: Array.from({ length: Math.max(1, layers) }, () => normalTable(rng, size, TABLE_STD)),
    itemFinal: normalTable(rng, size, TABLE_STD),
    itemDegree: longTailDegrees(itemCount, rng),
    profileDim,
    profileProjection: normalTable(rng, profileDim * dim, TABLE_STD),
    eventWeights: options.eventWeights ?? { positive: 1, click: 0.5, view: 0.2, prior: 1 },
    demoteDismissed: options.demoteDismissed ?? true,
  };
}

/** A random profile whose goals embedding has `embeddingDim` values, L2-normalised. */
export function syntheticProfile(embeddingDim: number, rng: Rng): UserProfile {
  const goals = Float32Array.from({ length: embeddingDim }, () => rng.normal());
  const norm = Math.hypot(...goals) || 1;
  return {
    riskTolerance: 1 + rng.int(5),
    horizonYears: rng.int(45),
    age: 18 + rng.int(70),
    goalsEmbedding: goals.map((value) => value / norm),
  };
}

/** Browsing is mostly views, some clicks, few favourites, purchases and dismissals. */
const EVENT_MIX: readonly [InteractionEvent, number][] = [
  ['view', 0.55],
  ['click', 0.25],
  ['favourite', 0.08],
  ['purchase', 0.06],
  ['dismiss', 0.06],
];

/** One random event; items are drawn from the first `hotItems` (default: all) so they repeat. */
export function syntheticEvent(rng: Rng, itemCount: number, timestamp: number, hotItems = itemCount): SideEvent {
  let pick = rng.next();
  let event: InteractionEvent = 'view';
  for (const [name, share] of EVENT_MIX) {
    event = name;
    pick -= share;
    if (pick < 0) break;
  }
  return { item: rng.int(Math.min(itemCount, hotItems)), event, timestamp };
}

/**
 * A random product–product graph of `rows` nodes, each with `neighbours` distinct random neighbours
 * (sorted, as `CsrMatrix` requires) weighted 1/neighbours: the shape of a kNN similarity graph
 * without computing one.
 */
export function syntheticKnnGraph(rows: number, neighbours: number, seed: number): CsrMatrix {
  const rng = createRng(seed);
  const perRow = Math.min(neighbours, Math.max(0, rows - 1));
  const rowPtr = Int32Array.from({ length: rows + 1 }, (_, row) => row * perRow);
  const colIdx = new Int32Array(rows * perRow);
  const values = new Float32Array(rows * perRow).fill(perRow > 0 ? 1 / perRow : 0);
  const chosen = new Set<number>();
  for (let row = 0; row < rows; row++) {
    chosen.clear();
    while (chosen.size < perRow) {
      const node = rng.int(rows);
      if (node !== row) chosen.add(node);
    }
    colIdx.set([...chosen].sort((a, b) => a - b), row * perRow);
  }
  return { rows, cols: rows, rowPtr, colIdx, values };
}
