/**
 * Runs in the GNN session check page (not part of the app): feeds the same seeded events to the
 * tfjs session (on the backend asked for) and to the typed-array session, and reports how far
 * apart their scores, representations and top 10s are after every other event.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activateBackend, type BackendName } from '../../src/engine/backend';
import { isEngineError } from '../../src/engine/errors';
import { createGnnSession } from '../../src/engine/gnn/session';
import { createGnnTfjsSession, releaseGnnItemTensors, type GnnSparseImpl } from '../../src/engine/gnn/session-tfjs';
import type { SideEvent } from '../../src/engine/rank/recommender';
import { wasmPaths } from '../../src/worker/wasm-paths';
import { createRng } from '../../tools/lib/random';
import { syntheticEvent, syntheticItemSide, syntheticProfile } from '../../tools/lib/synthetic-gnn';
import { maxRelativeScoreError } from '../../tests/helpers/gnn-session';

export interface SessionCheckRequest {
  backend: BackendName;
  impl: GnnSparseImpl;
  seed: number;
  items: number;
  dim: number;
  events: number;
}

export interface SessionCheckResult {
  /** The backend tfjs actually ran on. */
  backend: string;
  /** Set when the session refused to start (EngineError code), and nothing else ran. */
  refused?: string;
  checks: number;
  maxScoreError: number;
  maxRepresentationError: number;
  /** Largest gap, over positions of the top 10, between the typed-array scores of the two picks, over the score spread. */
  maxTopKScoreGap: number;
  /** Top 5 with no events (every score 0) and after two dismissals: ties must go to lower ids. */
  emptyTop5: number[];
  dismissedTop5: number[];
  ms: number;
}

async function runGnnSessionCheck(request: SessionCheckRequest): Promise<SessionCheckResult> {
  await activateBackend(request.backend, wasmPaths);
  const started = performance.now();
  const embeddingDim = 8;
  const model = syntheticItemSide({ itemCount: request.items, dim: request.dim, layers: 2, seed: request.seed, profileEmbeddingDim: embeddingDim });
  const rng = createRng(request.seed);
  const profile = syntheticProfile(embeddingDim, rng);
  const result: SessionCheckResult = {
    backend: tf.getBackend(),
    checks: 0,
    maxScoreError: 0,
    maxRepresentationError: 0,
    maxTopKScoreGap: 0,
    emptyTop5: [],
    dismissedTop5: [],
    ms: 0,
  };
  let session;
  try {
    session = createGnnTfjsSession(model, { impl: request.impl, profile });
  } catch (error) {
    if (isEngineError(error)) return { ...result, refused: error.code };
    throw error;
  }
  const typed = createGnnSession(model, profile);
  const events: SideEvent[] = [
    ...Array.from({ length: request.events }, (_, step) => syntheticEvent(rng, model.itemCount, step, 30)),
    // Layer 0 emptied and refilled; a positive after a dismissal.
    ...[40, 41, 42].map((item) => ({ item, event: 'view' as const, timestamp: 0 })),
    ...[40, 41, 42].map((item) => ({ item, event: 'dismiss' as const, timestamp: 0 })),
    { item: 42, event: 'purchase', timestamp: 0 },
  ];
  for (const [step, event] of events.entries()) {
    typed.addEvent(event);
    session.addEvent(event);
    if (step === Math.floor(events.length / 2)) {
      typed.setProfile(undefined);
      session.setProfile(undefined);
    }
    if (step % 2 === 0 && step !== events.length - 1) continue;
    const want = typed.scores();
    result.maxScoreError = Math.max(result.maxScoreError, maxRelativeScoreError(await session.scores(), want));
    result.maxRepresentationError = Math.max(result.maxRepresentationError, maxRelativeScoreError(await session.representation(), typed.representation()));
    const spread = Math.max(...Array.from(want, Math.abs));
    const reference = typed.topK(10);
    (await session.topK(10)).forEach((item, rank) => {
      const gap = Math.abs((want[item] ?? NaN) - (want[reference[rank] ?? -1] ?? NaN)) / spread;
      result.maxTopKScoreGap = Math.max(result.maxTopKScoreGap, Number.isNaN(gap) ? Infinity : gap);
    });
    result.checks++;
  }
  session.dispose();
  // A model without profile features: with no events every score is exactly 0 (a model with them
  // gives a newcomer its learned bias), so this checks how ties are broken.
  const plain = syntheticItemSide({ itemCount: request.items, dim: request.dim, layers: 2, seed: request.seed });
  const fresh = createGnnTfjsSession(plain, { impl: request.impl });
  result.emptyTop5 = await fresh.topK(5);
  fresh.addEvent({ item: 1, event: 'dismiss', timestamp: 0 });
  fresh.addEvent({ item: 3, event: 'dismiss', timestamp: 0 });
  result.dismissedTop5 = await fresh.topK(5);
  fresh.dispose();
  releaseGnnItemTensors(model);
  releaseGnnItemTensors(plain);
  return { ...result, ms: performance.now() - started };
}

declare global {
  interface Window {
    runGnnSessionCheck: typeof runGnnSessionCheck;
  }
}

window.runGnnSessionCheck = runGnnSessionCheck;
document.getElementById('status')!.textContent = 'ready';
