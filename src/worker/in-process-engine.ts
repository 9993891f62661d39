import type { AssetSource } from '../engine/assets/types';
import type { WasmPaths } from '../engine/backend';
import { createEncoder, type Encoder } from '../engine/encoder';
import { EngineError } from '../engine/errors';
import type { EngineApi, EngineInitOptions, EngineInitResult, LoadProgress } from '../protocol/engine-api';

export interface InProcessEngineOptions {
  readonly assets: AssetSource;
  /** URLs of the tfjs WASM binaries on our own origin (browser); Node finds them itself. */
  readonly wasmPaths?: WasmPaths;
}

/** The engine running in the current thread: Node tools and tests use it directly, the worker wraps it. */
export function createInProcessEngine(options: InProcessEngineOptions): EngineApi {
  let encoder: Encoder | undefined;

  function ready(): Encoder {
    if (!encoder) throw new EngineError('NOT_READY', 'The engine is not ready yet: wait for the model to finish loading.');
    return encoder;
  }

  return {
    async init(init: EngineInitOptions, onProgress?: (progress: LoadProgress) => void): Promise<EngineInitResult> {
      encoder?.dispose();
      encoder = undefined;
      const created = await createEncoder({
        backend: init.backend,
        assets: options.assets,
        wasmPaths: options.wasmPaths,
        onProgress,
      });
      encoder = created;
      return {
        backend: created.backend,
        fallbackReason: created.fallbackReason,
        timings: created.timings,
        modelBytes: created.modelBytes,
      };
    },
    embed(texts: readonly string[]): Promise<Float32Array[]> {
      return ready().embed(texts);
    },
    dispose(): Promise<void> {
      encoder?.dispose();
      encoder = undefined;
      return Promise.resolve();
    },
  };
}
