import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { EngineError } from '../errors';
import type { BackendName, BackendPreference } from './types';

export type { BackendName, BackendPreference } from './types';
export { sparseDenseMatMul } from './spmm-webgpu';

/** URLs of the tfjs WASM binaries on our own origin; without them tfjs would fetch them from a CDN. */
export interface WasmPaths {
  readonly 'tfjs-backend-wasm.wasm': string;
  readonly 'tfjs-backend-wasm-simd.wasm': string;
  readonly 'tfjs-backend-wasm-threaded-simd.wasm': string;
}

export interface ActiveBackend {
  readonly name: BackendName;
  /** Why a faster backend was skipped when the preference was `auto`. */
  readonly fallbackReason?: string;
}

/** Whether this environment can give us a WebGPU adapter (false in Node and without the browser flag). */
export async function webgpuAdapterAvailable(): Promise<boolean> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}

let wasmPathsSet = false;

async function trySetBackend(name: BackendName, wasmPaths?: WasmPaths): Promise<string | undefined> {
  if (name === 'webgpu' && !(await webgpuAdapterAvailable())) return 'no WebGPU adapter is available';
  if (name === 'wasm' && wasmPaths && !wasmPathsSet) {
    setWasmPaths({ ...wasmPaths });
    wasmPathsSet = true;
  }
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return `the ${name} backend failed to initialise`;
    await tf.ready();
    return undefined;
  } catch (cause) {
    return `the ${name} backend failed to initialise (${cause instanceof Error ? cause.message : String(cause)})`;
  }
}

/**
 * Activates a tfjs backend. `auto` tries WebGPU, then WASM, then CPU and reports why it fell back;
 * an explicit choice that cannot start is an error, so a test asking for WebGPU never silently gets WASM.
 */
export async function activateBackend(preference: BackendPreference, wasmPaths?: WasmPaths): Promise<ActiveBackend> {
  const order: BackendName[] = preference === 'auto' ? ['webgpu', 'wasm', 'cpu'] : [preference];
  const reasons: string[] = [];
  for (const name of order) {
    const failure = await trySetBackend(name, wasmPaths);
    if (failure === undefined) {
      return reasons.length > 0 ? { name, fallbackReason: reasons.join('; ') } : { name };
    }
    reasons.push(failure);
  }
  throw new EngineError(
    'BACKEND_UNAVAILABLE',
    `No compute backend could start: ${reasons.join('; ')}. Try another browser, or choose a different backend.`,
  );
}
