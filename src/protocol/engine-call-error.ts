import type { SerializedError } from './engine-api';

export type EngineCallErrorCode = SerializedError['code'];

/**
 * An engine call that failed, as the page sees it: the engine's stable `code` (or `WORKER_FAILED`
 * when the worker itself broke) and a message that tells a person what happened and what to do.
 */
export class EngineCallError extends Error {
  readonly code: EngineCallErrorCode;

  constructor(error: SerializedError) {
    super(error.message);
    this.name = 'EngineCallError';
    this.code = error.code;
  }

  toSerialized(): SerializedError {
    return { code: this.code, message: this.message };
  }
}

/** Turns anything a call rejected with into a SerializedError the UI can show. */
export function toSerializedError(error: unknown): SerializedError {
  if (error instanceof EngineCallError) return error.toSerialized();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}. Reload the page; if it happens again, report it.` };
}
