/**
 * Runs in the GNN benchmark page (driven by `npm run bench:gnn`): times a recommendation refresh,
 * a new event to the new top 10, of the incremental session on a synthetic catalog, and one full
 * sparse × dense product over a synthetic product graph with our CSR kernel and with tfjs
 * gather + unsortedSegmentSum. Catalogs, histories and graphs are generated here from seeds, so
 * nothing large crosses from Node.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activateBackend, sparseDenseMatMul, type BackendName } from '../src/engine/backend';
import { createGnnSession } from '../src/engine/gnn/session';
import { spmm } from '../src/engine/gnn/spmm-cpu';
import { createGnnTfjsSession, releaseGnnItemTensors, sparseImplSupported, type GnnSparseImpl } from '../src/engine/gnn/session-tfjs';
import type { CsrMatrix } from '../src/engine/graph/csr';
import type { SideEvent } from '../src/engine/rank/recommender';
import { wasmPaths } from '../src/worker/wasm-paths';
import { createRng } from '../tools/lib/random';
import { syntheticEvent, syntheticItemSide, syntheticKnnGraph } from '../tools/lib/synthetic-gnn';

/** `js`: the typed-array session, no tfjs. */
export type BenchTarget = 'js' | BackendName;

export interface GnnBenchRequest {
  readonly target: BenchTarget;
  readonly products: number;
  readonly dim: number;
  readonly layers: number;
  readonly seed: number;
  /** Events in the history before timing starts. */
  readonly historyEvents: number;
  /** Stop timing refreshes after this long (at least `minRuns` are made)... */
  readonly refreshBudgetMs: number;
  /** ...or after this many. */
  readonly maxRefreshRuns: number;
  readonly kernelBudgetMs: number;
  readonly maxKernelRuns: number;
  readonly minRuns: number;
  readonly neighbours: number;
  /** Why not to time gather + unsortedSegmentSum here, when it would take too long. */
  readonly skipGatherSegsum?: string;
}

export interface RefreshTiming {
  readonly impl: 'typed-array' | GnnSparseImpl;
  /** Milliseconds per refresh, in run order; empty with `error` when the implementation failed. */
  readonly ms: number[];
  readonly error?: string;
}

export interface KernelTiming {
  readonly rows: number;
  readonly nnz: number;
  readonly width: number;
  readonly csrKernelMs: number[];
  /** Null where it did not run: `gatherSegsumSkipped` says why. */
  readonly gatherSegsumMs: number[] | null;
  readonly gatherSegsumSkipped?: string;
  readonly errors: string[];
}

export interface GnnBenchResult {
  /** The backend tfjs actually ran on (`js` for the typed-array session). */
  readonly backend: string;
  readonly refresh: RefreshTiming[];
  readonly kernel?: KernelTiming;
}

/** Above this many rows the cpu backend's UnsortedSegmentSum takes minutes (see `timeKernels`). */
const CPU_SEGMENT_SUM_MAX_ROWS = 1000;

interface Refreshable {
  addEvent(event: SideEvent): void;
  topK(k: number, excluded?: ReadonlySet<number>): number[] | Promise<number[]>;
}

/** Times `run` after one untimed warm-up: at least `minRuns`, then until the budget or `maxRuns`. */
async function timeRuns(run: () => unknown, minRuns: number, maxRuns: number, budgetMs: number): Promise<number[]> {
  await run();
  const times: number[] = [];
  let spent = 0;
  while (times.length < minRuns || (spent < budgetMs && times.length < maxRuns)) {
    const started = performance.now();
    await run();
    const elapsed = performance.now() - started;
    times.push(elapsed);
    spent += elapsed;
  }
  return times;
}

async function timeRefresh(session: Refreshable, request: GnnBenchRequest): Promise<number[]> {
  const rng = createRng(request.seed + 1);
  // Events fall on the 200 most-visited items, so views turn into clicks, purchases and dismissals.
  const hot = 200;
  const purchased = new Set<number>();
  const add = (timestamp: number): void => {
    const event = syntheticEvent(rng, request.products, timestamp, hot);
    session.addEvent(event);
    if (event.event === 'purchase') purchased.add(event.item);
  };
  for (let t = 0; t < request.historyEvents; t++) add(t);
  let clock = request.historyEvents;
  // A refresh as the app makes one: the event arrives, the top 10 (without bought items) comes back.
  const refresh = async (): Promise<void> => {
    add(clock++);
    await session.topK(10, purchased);
  };
  return timeRuns(refresh, request.minRuns, request.maxRefreshRuns, request.refreshBudgetMs);
}

/** The graph and features of the kernel comparison, the same for every backend. */
function kernelInputs(request: GnnBenchRequest): { graph: CsrMatrix; features: Float32Array } {
  const graph = syntheticKnnGraph(request.products, request.neighbours, request.seed + 2);
  const rng = createRng(request.seed + 3);
  return { graph, features: Float32Array.from({ length: request.products * request.dim }, () => rng.normal()) };
}

/** The typed-array `spmm` (what the `js` session is built on) on the kernel comparison's graph. */
async function timeTypedArrayKernel(request: GnnBenchRequest): Promise<KernelTiming> {
  const { graph, features } = kernelInputs(request);
  const out = new Float32Array(graph.rows * request.dim);
  const csrKernelMs = await timeRuns(() => spmm(graph, features, request.dim, out), request.minRuns, request.maxKernelRuns, request.kernelBudgetMs);
  return { rows: graph.rows, nnz: graph.colIdx.length, width: request.dim, csrKernelMs, gatherSegsumMs: null, gatherSegsumSkipped: 'no tfjs here', errors: [] };
}

async function timeKernels(request: GnnBenchRequest): Promise<KernelTiming> {
  const { graph, features } = kernelInputs(request);
  const width = request.dim;
  const x = tf.tensor2d(features, [request.products, width]);
  const nnz = graph.colIdx.length;
  const rowIds = new Int32Array(nnz);
  for (let row = 0; row < graph.rows; row++) rowIds.fill(row, graph.rowPtr[row], graph.rowPtr[row + 1]);
  const a = {
    rowPtr: tf.tensor1d(graph.rowPtr, 'int32'),
    colIdx: tf.tensor1d(graph.colIdx, 'int32'),
    values: tf.tensor1d(graph.values, 'float32'),
    rows: graph.rows,
  };
  const segmentIds = tf.tensor1d(rowIds, 'int32');
  // Waiting for one element of the output waits for the whole product (the queue runs in order)
  // without timing a read-back of the full matrix.
  const finish = async (out: tf.Tensor2D): Promise<void> => {
    const corner = tf.slice(out, [graph.rows - 1, width - 1], [1, 1]);
    await corner.data();
    tf.dispose([corner, out]);
  };
  const errors: string[] = [];
  const time = async (label: string, product: () => tf.Tensor2D): Promise<number[]> => {
    try {
      return await timeRuns(() => finish(product()), request.minRuns, request.maxKernelRuns, request.kernelBudgetMs);
    } catch (error) {
      errors.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  };
  const csrKernelMs = await time('csr-kernel', () => sparseDenseMatMul(a, x));
  const skipped = !sparseImplSupported('gather-segsum')
    ? `the ${tf.getBackend()} backend has no UnsortedSegmentSum kernel`
    : tf.getBackend() === 'cpu' && graph.rows > CPU_SEGMENT_SUM_MAX_ROWS
      ? `tfjs-backend-cpu's UnsortedSegmentSum makes one masked multiply of the whole nnz × width input per segment (O(rows·nnz·width)); not run above ${CPU_SEGMENT_SUM_MAX_ROWS} rows`
      : request.skipGatherSegsum;
  const gatherSegsumMs = skipped
    ? null
    : await time('gather-segsum', () =>
        tf.tidy(() => tf.unsortedSegmentSum(tf.mul<tf.Tensor2D>(tf.gather(x, a.colIdx), tf.expandDims(a.values, 1)), segmentIds, graph.rows)),
      );
  tf.dispose([x, a.rowPtr, a.colIdx, a.values, segmentIds]);
  return { rows: graph.rows, nnz, width, csrKernelMs, gatherSegsumMs, ...(skipped ? { gatherSegsumSkipped: skipped } : {}), errors };
}

async function runGnnBench(request: GnnBenchRequest): Promise<GnnBenchResult> {
  if (request.target !== 'js') await activateBackend(request.target, wasmPaths);
  const model = syntheticItemSide({ itemCount: request.products, dim: request.dim, layers: request.layers, seed: request.seed });
  const refresh: RefreshTiming[] = [];
  if (request.target === 'js') {
    refresh.push({ impl: 'typed-array', ms: await timeRefresh(createGnnSession(model), request) });
    return { backend: 'js', refresh, kernel: await timeTypedArrayKernel(request) };
  }
  for (const impl of ['csr-kernel', 'gather-segsum'] as const) {
    if (!sparseImplSupported(impl)) continue;
    const session = createGnnTfjsSession(model, { impl });
    try {
      refresh.push({ impl, ms: await timeRefresh(session, request) });
    } catch (error) {
      refresh.push({ impl, ms: [], error: error instanceof Error ? error.message : String(error) });
    } finally {
      session.dispose();
    }
  }
  releaseGnnItemTensors(model);
  const result = { backend: tf.getBackend(), refresh };
  return { ...result, kernel: await timeKernels(request) };
}

declare global {
  interface Window {
    runGnnBench: typeof runGnnBench;
  }
}

window.runGnnBench = runGnnBench;
document.getElementById('status')!.textContent = 'ready';
