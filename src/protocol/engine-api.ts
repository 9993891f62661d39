import type { BackendName, BackendPreference } from '../engine/backend/types';
import type { EngineErrorCode } from '../engine/errors';

export type { BackendName, BackendPreference };

/** A stage of getting the engine ready, in the order they happen. */
export type LoadStage = 'backend' | 'download' | 'tokenizer' | 'warmup';

/** One progress report while the engine gets ready. Byte counts cover all model files together. */
export interface LoadProgress {
  readonly stage: LoadStage;
  readonly loadedBytes: number;
  readonly totalBytes: number;
  /** The file being read, when the stage is `download`. */
  readonly file?: string;
}

export interface StageTiming {
  readonly stage: LoadStage;
  readonly ms: number;
}

export interface EngineInitOptions {
  readonly backend: BackendPreference;
}

export interface EngineInitResult {
  /** The backend that actually runs, which may differ from the one asked for. */
  readonly backend: BackendName;
  /** Why a faster backend was not used, when `auto` fell back. */
  readonly fallbackReason?: string;
  readonly timings: readonly StageTiming[];
  readonly modelBytes: number;
}

/** A failure as it crosses the worker boundary: a stable code and a message for people. */
export interface SerializedError {
  readonly code: EngineErrorCode | 'WORKER_FAILED';
  readonly message: string;
}

/**
 * The one interface the UI, tools and tests use to reach the engine.
 * Implemented in-process (Node) and by the worker proxy (browser).
 */
export interface EngineApi {
  init(options: EngineInitOptions, onProgress?: (progress: LoadProgress) => void): Promise<EngineInitResult>;
  /** One L2-normalised 512-d row per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}
