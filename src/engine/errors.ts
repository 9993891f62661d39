/** What went wrong in the engine, as a stable code that crosses the worker boundary unchanged. */
export type EngineErrorCode =
  | 'INVALID_INPUT'
  | 'BACKEND_UNAVAILABLE'
  | 'MODEL_LOAD_FAILED'
  | 'INTEGRITY_FAILED'
  | 'NOT_READY'
  /** The call needs a model that failed to load this session (see `EngineInitResult.unavailable`). */
  | 'MODEL_UNAVAILABLE'
  | 'STORAGE_FAILED'
  /** The person's data is protected by a passphrase that has not been given yet this session. */
  | 'STORAGE_LOCKED'
  /** A data control (export, import, erase…) was asked for while a demo persona is active, not the owner. */
  | 'ADVISOR_MODE'
  | 'INTERNAL';

/** A typed engine failure: `code` is for programs, `message` says what happened and what to do. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.code = code;
  }
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}
