import { EngineError, isEngineError } from '../engine/errors';

/**
 * Runs one call to the device's storage; a failure (storage refused, quota full, a broken
 * database) becomes an EngineError whose message says what the person can do about it.
 */
export async function storageCall<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (isEngineError(cause)) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new EngineError(
      'INTERNAL',
      `Could not ${what} on this device (${detail}). Check that the browser lets this site store data (private windows may not), then reload.`,
      { cause },
    );
  }
}
