/**
 * Runs in the spmm check page (not part of the app): multiplies a CSR matrix by dense features with
 * `sparseDenseMatMul` on the backend asked for, so the spec can compare it with the Node reference.
 */
import * as tf from '@tensorflow/tfjs-core';
import { activateBackend, sparseDenseMatMul, type BackendName } from '../../src/engine/backend';
import { wasmPaths } from '../../src/worker/wasm-paths';

export interface SpmmRequest {
  backend: BackendName;
  rows: number;
  cols: number;
  width: number;
  rowPtr: number[];
  colIdx: number[];
  values: number[];
  /** Row-major `cols × width`. */
  x: number[];
}

export interface SpmmResult {
  /** The backend tfjs actually ran on. */
  backend: string;
  /** Row-major `rows × width`. */
  output: number[];
  shape: number[];
  /** Upload, kernel and read-back, in milliseconds. */
  ms: number;
}

async function runSpmm(request: SpmmRequest): Promise<SpmmResult> {
  await activateBackend(request.backend, wasmPaths);
  const started = performance.now();
  const a = {
    rowPtr: tf.tensor1d(request.rowPtr, 'int32'),
    colIdx: tf.tensor1d(request.colIdx, 'int32'),
    values: tf.tensor1d(request.values, 'float32'),
    rows: request.rows,
  };
  const x = tf.tensor2d(request.x, [request.cols, request.width], 'float32');
  const out = sparseDenseMatMul(a, x);
  // An asynchronous read: a blocking one (dataSync) can lose the WebGPU device.
  const output = Array.from(await out.data());
  const result = { backend: tf.getBackend(), output, shape: out.shape, ms: performance.now() - started };
  tf.dispose([a.rowPtr, a.colIdx, a.values, x, out]);
  return result;
}

declare global {
  interface Window {
    runSpmm: typeof runSpmm;
  }
}

window.runSpmm = runSpmm;
document.getElementById('status')!.textContent = 'ready';
