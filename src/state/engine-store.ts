import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  BackendName,
  BackendPreference,
  EngineApi,
  LoadProgress,
  PersonState,
  SerializedError,
  StageTiming,
  UnavailableModel,
} from '../protocol/engine-api';
import { EngineCallError, toSerializedError } from '../protocol/engine-call-error';

/**
 * idle: nothing asked yet; loading: models downloading, catalog encoding; ready: every call works
 * except those that need a model named in `unavailable`; error: nothing loaded, see `error`.
 */
export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface EngineState {
  readonly status: EngineStatus;
  /** The backend last asked for (the chooser's value). */
  readonly preference: BackendPreference;
  /** Latest load progress; when ready, loadedBytes equals totalBytes. */
  readonly progress: LoadProgress;
  /**
   * How far the on-device encoding of the catalog got (it is the last stage, so this stays after
   * the stage ends); null until it starts, and while ready when a cached encoding was used.
   */
  readonly catalogEncoding: CatalogEncoding | null;
  /** The backend actually running, once ready. */
  readonly backend: BackendName | null;
  /** Why `auto` did not get a faster backend, if it fell back. */
  readonly fallbackReason: string | null;
  readonly timings: readonly StageTiming[];
  readonly modelBytes: number;
  readonly error: SerializedError | null;
  /**
   * While ready: the models left out because their files failed (tampered, truncated, missing),
   * each with why; the app works without them where it can. Empty otherwise.
   */
  readonly unavailable: readonly UnavailableModel[];
  /**
   * Increases each time the engine becomes ready (a backend change reloads it), so that stores
   * holding engine results know when to take the restored person again and refresh.
   */
  readonly session: number;
  /** The person as restored from this device by the latest successful start (null before). */
  readonly restoredPerson: PersonState | null;

  /**
   * (Re)loads the engine on `preference`. Never rejects: the outcome lands in `status`/`error`.
   * A later call supersedes an earlier one still loading.
   */
  readonly start: (preference: BackendPreference) => Promise<void>;
  /**
   * Told about every failed engine call made elsewhere (search, events, recommendations): a dead
   * worker takes the whole engine with it, so WORKER_FAILED turns the status to error; other
   * failures concern only their own call and are ignored here.
   */
  readonly reportFailure: (error: unknown) => void;
}

export interface CatalogEncoding {
  readonly encoded: number;
  readonly total: number;
}

export type EngineStore = StoreApi<EngineState>;

const NOTHING_LOADED: LoadProgress = { stage: 'backend', loadedBytes: 0, totalBytes: 0 };

/** UI state of the on-device engine, driving `engine` (the worker proxy in the browser). */
export function createEngineStore(engine: EngineApi, initialPreference: BackendPreference = 'auto'): EngineStore {
  // Each start() gets a number; results of a superseded start are dropped.
  let latestStart = 0;

  return createStore<EngineState>()((set, get) => ({
    status: 'idle',
    preference: initialPreference,
    progress: NOTHING_LOADED,
    catalogEncoding: null,
    backend: null,
    fallbackReason: null,
    timings: [],
    modelBytes: 0,
    error: null,
    unavailable: [],
    session: 0,
    restoredPerson: null,

    async start(preference) {
      const attempt = ++latestStart;
      set({
        status: 'loading',
        preference,
        progress: NOTHING_LOADED,
        catalogEncoding: null,
        backend: null,
        fallbackReason: null,
        timings: [],
        error: null,
        unavailable: [],
      });
      try {
        const result = await engine.init({ backend: preference }, (progress) => {
          if (attempt !== latestStart) return;
          set({ progress, catalogEncoding: catalogEncodingOf(progress) ?? get().catalogEncoding });
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
          unavailable: result.unavailable,
          restoredPerson: result.person,
          session: get().session + 1,
        });
      } catch (error) {
        if (attempt !== latestStart) return;
        set({ status: 'error', error: toSerializedError(error) });
      }
    },

    reportFailure(error) {
      if (error instanceof EngineCallError && error.code === 'WORKER_FAILED') {
        set({ status: 'error', backend: null, error: error.toSerialized(), unavailable: [] });
      }
    },
  }));
}

function catalogEncodingOf(progress: LoadProgress): CatalogEncoding | null {
  if (progress.stage !== 'catalog' || progress.productCount === undefined) return null;
  return { encoded: progress.encodedProducts ?? 0, total: progress.productCount };
}
