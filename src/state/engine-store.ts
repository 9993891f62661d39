import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  BackendName,
  BackendPreference,
  EngineApi,
  LoadProgress,
  SerializedError,
  StageTiming,
} from '../protocol/engine-api';
import { EngineCallError, toSerializedError } from '../protocol/engine-call-error';

/** idle: nothing asked yet; loading: model downloading/initialising; ready: embed() works; error: see `error`. */
export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface EngineState {
  readonly status: EngineStatus;
  /** The backend last asked for (the chooser's value). */
  readonly preference: BackendPreference;
  /** Latest load progress; when ready, loadedBytes equals totalBytes. */
  readonly progress: LoadProgress;
  /** The backend actually running, once ready. */
  readonly backend: BackendName | null;
  /** Why `auto` did not get a faster backend, if it fell back. */
  readonly fallbackReason: string | null;
  readonly timings: readonly StageTiming[];
  readonly modelBytes: number;
  readonly error: SerializedError | null;
  /**
   * Increases each time the engine becomes ready. Embeddings from different sessions may come from
   * different backends, so anything cached from embed() should be keyed on it.
   */
  readonly session: number;

  /**
   * (Re)loads the engine on `preference`. Never rejects: the outcome lands in `status`/`error`.
   * A later call supersedes an earlier one still loading.
   */
  readonly start: (preference: BackendPreference) => Promise<void>;
  /** One L2-normalised row per text. Rejects with EngineCallError (NOT_READY before the engine is ready). */
  readonly embed: (texts: readonly string[]) => Promise<Float32Array[]>;
}

export type EngineStore = StoreApi<EngineState>;

const NOTHING_LOADED: LoadProgress = { stage: 'backend', loadedBytes: 0, totalBytes: 0 };

const NOT_READY: SerializedError = {
  code: 'NOT_READY',
  message: 'The model is not ready yet: wait for it to finish loading.',
};

/** UI state of the on-device engine, driving `engine` (the worker proxy in the browser). */
export function createEngineStore(engine: EngineApi, initialPreference: BackendPreference = 'auto'): EngineStore {
  // Each start() gets a number; results of a superseded start are dropped.
  let latestStart = 0;

  return createStore<EngineState>()((set, get) => ({
    status: 'idle',
    preference: initialPreference,
    progress: NOTHING_LOADED,
    backend: null,
    fallbackReason: null,
    timings: [],
    modelBytes: 0,
    error: null,
    session: 0,

    async start(preference) {
      const attempt = ++latestStart;
      set({
        status: 'loading',
        preference,
        progress: NOTHING_LOADED,
        backend: null,
        fallbackReason: null,
        timings: [],
        error: null,
      });
      try {
        const result = await engine.init({ backend: preference }, (progress) => {
          if (attempt === latestStart) set({ progress });
        });
        if (attempt !== latestStart) return;
        const totalBytes = result.modelBytes || get().progress.totalBytes;
        set({
          status: 'ready',
          progress: { ...get().progress, loadedBytes: totalBytes, totalBytes },
          backend: result.backend,
          fallbackReason: result.fallbackReason ?? null,
          timings: result.timings,
          modelBytes: result.modelBytes,
          session: get().session + 1,
        });
      } catch (error) {
        if (attempt !== latestStart) return;
        set({ status: 'error', error: toSerializedError(error) });
      }
    },

    async embed(texts) {
      if (get().status !== 'ready') throw new EngineCallError(NOT_READY);
      try {
        return await engine.embed(texts);
      } catch (error) {
        // A dead worker takes the whole engine with it; other failures concern only this call.
        if (error instanceof EngineCallError && error.code === 'WORKER_FAILED') {
          set({ status: 'error', backend: null, error: error.toSerialized() });
        }
        throw error;
      }
    },
  }));
}
