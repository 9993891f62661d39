import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { activateBackend } from '../src/engine/backend';
import { isEngineError } from '../src/engine/errors';
import { createGnnSession } from '../src/engine/gnn/session';
import { createGnnTfjsSession, releaseGnnItemTensors, sparseImplSupported, type GnnSparseImpl } from '../src/engine/gnn/session-tfjs';
import type { SideEvent } from '../src/engine/rank/recommender';
import { createRng } from '../tools/lib/random';
import { syntheticEvent, syntheticItemSide, syntheticProfile } from '../tools/lib/synthetic-gnn';
import { maxRelativeScoreError, rankedByScore } from './helpers/gnn-session';

const TOLERANCE = 1e-4;
const EMBEDDING_DIM = 8;

/** Backend × implementation pairs that run here (wasm has no UnsortedSegmentSum: tested apart). */
const RUNS: [string, GnnSparseImpl][] = [
  ['wasm', 'csr-kernel'],
  ['cpu', 'csr-kernel'],
  ['cpu', 'gather-segsum'],
];

const at = (item: number, event: SideEvent['event']): SideEvent => ({ item, event, timestamp: 0 });

describe.each(RUNS)('createGnnTfjsSession on %s, %s', (backend, impl) => {
  it.each([
    ['2 layers, with a profile', 2, true, 1, 0],
    ['1 layer, no profile', 1, false, 2, 0],
    ['0 layers', 0, false, 3, 0],
    ['2 layers, with a profile, recency (half-life 2 days, events half a day apart)', 2, true, 4, 2],
  ] as const)('matches the typed-array session after every event: %s', async (_name, layers, withProfile, seed, halfLifeDays) => {
    await activateBackend(backend as 'wasm' | 'cpu');
    const tensorsBefore = tf.memory().numTensors;
    const model = syntheticItemSide({
      itemCount: 90,
      dim: 16,
      layers,
      seed,
      eventWeights: { positive: 1, click: 0.5, view: 0.2, prior: 1, halfLifeDays },
      ...(withProfile ? { profileEmbeddingDim: EMBEDDING_DIM } : {}),
    });
    const rng = createRng(seed);
    const profile = withProfile ? syntheticProfile(EMBEDDING_DIM, rng) : undefined;
    const typed = createGnnSession(model, profile);
    const session = createGnnTfjsSession(model, { impl, ...(profile ? { profile } : {}) });
    // Random events on 25 items (so they repeat, and dismissals and upgrades happen), then the
    // cases the normalisations hinge on: emptying layer 0, a positive after a dismissal.
    const events = [
      ...Array.from({ length: 60 }, (_, step) => syntheticEvent(rng, model.itemCount, step * 43_200, 25)),
      at(70, 'view'), at(71, 'view'), at(72, 'view'), at(70, 'dismiss'), at(71, 'dismiss'), at(72, 'dismiss'), at(72, 'purchase'),
    ];
    // Two events in a row before a read: their changes are applied in one sparse product.
    for (const [step, event] of events.entries()) {
      typed.addEvent(event);
      session.addEvent(event);
      if (step === 30) {
        typed.setProfile(undefined);
        session.setProfile(undefined);
      }
      if (step % 2 === 0) continue;
      const want = typed.scores();
      expect(maxRelativeScoreError(await session.scores(), want)).toBeLessThanOrEqual(TOLERANCE);
      expect(maxRelativeScoreError(await session.representation(), typed.representation())).toBeLessThanOrEqual(TOLERANCE);
      const excluded = new Set([step % 90, (step * 7) % 90]);
      const picked = await session.topK(10, excluded);
      const reference = typed.topK(10, excluded);
      expect(picked).toHaveLength(10);
      const spread = Math.max(...Array.from(want, Math.abs));
      picked.forEach((item, rank) => {
        expect(excluded.has(item)).toBe(false);
        expect(Math.abs(want[item]! - want[reference[rank]!]!)).toBeLessThanOrEqual(2 * TOLERANCE * spread);
      });
    }
    session.dispose();
    releaseGnnItemTensors(model);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('breaks ties by lower item id and never returns excluded items', async () => {
    await activateBackend(backend as 'wasm' | 'cpu');
    const model = syntheticItemSide({ itemCount: 40, dim: 4, layers: 2, seed: 9 });
    const session = createGnnTfjsSession(model, { impl });
    // No events: every score is 0, a tie across the whole catalog.
    expect(await session.topK(5)).toEqual([0, 1, 2, 3, 4]);
    expect(await session.topK(5, new Set([0, 2, 99]))).toEqual([1, 3, 4, 5, 6]);
    expect(await session.topK(50, new Set(Array.from({ length: 38 }, (_, i) => i)))).toEqual([38, 39]);
    expect(await session.topK(0)).toEqual([]);
    // Dismissed items only: layer 0 is empty, everything ties at 0 except the demoted items.
    session.addEvent(at(1, 'dismiss'));
    session.addEvent(at(3, 'dismiss'));
    expect(await session.topK(3)).toEqual([0, 2, 4]);
    expect((await session.topK(40)).slice(-2)).toEqual([1, 3]);
    await expect(session.topK(1.5)).rejects.toThrow(RangeError);
    session.dispose();
    releaseGnnItemTensors(model);
  });

  it('ranks as the typed-array session on a larger catalog with a long history', async () => {
    await activateBackend(backend as 'wasm' | 'cpu');
    const model = syntheticItemSide({ itemCount: 3000, dim: 64, layers: 2, seed: 4 });
    const typed = createGnnSession(model);
    const session = createGnnTfjsSession(model, { impl });
    const rng = createRng(8);
    for (let step = 0; step < 120; step++) {
      const event = syntheticEvent(rng, model.itemCount, step, 200);
      typed.addEvent(event);
      session.addEvent(event);
    }
    const want = typed.scores();
    expect(maxRelativeScoreError(await session.scores(), want)).toBeLessThanOrEqual(TOLERANCE);
    expect(await session.topK(10)).toEqual(rankedByScore(want).slice(0, 10));
    session.dispose();
    releaseGnnItemTensors(model);
  });
});

describe('gather-segsum where the backend lacks UnsortedSegmentSum', () => {
  it('is refused on wasm with BACKEND_UNAVAILABLE rather than run some other way', async () => {
    await activateBackend('wasm');
    expect(sparseImplSupported('gather-segsum')).toBe(false);
    expect(sparseImplSupported('csr-kernel')).toBe(true);
    const model = syntheticItemSide({ itemCount: 5, dim: 2, layers: 1, seed: 1 });
    let failure: unknown;
    try {
      createGnnTfjsSession(model, { impl: 'gather-segsum' });
    } catch (error) {
      failure = error;
    }
    expect(isEngineError(failure) && failure.code).toBe('BACKEND_UNAVAILABLE');
    expect(sparseImplSupported('gather-segsum', 'cpu')).toBe(true);
  });
});
