import type { BackendName, BackendPreference } from '../engine/backend/types';
import type { EncoderLoadProgress, EncoderLoadStage, StageTiming } from '../engine/encoder';
import type { EngineErrorCode } from '../engine/errors';

export type { BackendName, BackendPreference, StageTiming };
export type LoadStage = EncoderLoadStage;
export type LoadProgress = EncoderLoadProgress;

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
