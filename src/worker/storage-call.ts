import { EngineError, isEngineError } from '../engine/errors';

/**
 * Runs one call to the device's storage; a failure (storage refused, quota full, a broken
 * database) becomes STORAGE_FAILED with a message that says what failed and what the person can
 * do about it.
 */
export async function storageCall<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (isEngineError(cause)) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new EngineError(
      'STORAGE_FAILED',
      `Could not ${what} on this device: the browser refused this site its storage (${detail}). This happens in private browsing or when the disk is full: leave private browsing or free some space, then reload.`,
      { cause },
    );
  }
}
