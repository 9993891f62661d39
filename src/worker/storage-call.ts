import { EngineError, isEngineError } from '../engine/errors';
import { ExplainedStorageError, StorageLockedError, WrongPassphraseError } from '../storage/storage-errors';

/**
 * Runs one call to the device's storage. A locked store becomes STORAGE_LOCKED and a wrong
 * passphrase INVALID_INPUT, each with storage's own message; a failure storage explains itself
 * (another tab in the way, a record that does not decrypt) STORAGE_FAILED with its message; any
 * other failure (storage refused, quota full, a broken database) STORAGE_FAILED with a message that
 * says what failed and what the person can do about it.
 */
export async function storageCall<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (isEngineError(cause)) throw cause;
    if (cause instanceof StorageLockedError) throw new EngineError('STORAGE_LOCKED', cause.message, { cause });
    if (cause instanceof WrongPassphraseError) throw new EngineError('INVALID_INPUT', cause.message, { cause });
    if (cause instanceof ExplainedStorageError) throw new EngineError('STORAGE_FAILED', cause.message, { cause });
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new EngineError(
      'STORAGE_FAILED',
      `Could not ${what} on this device: the browser refused this site its storage (${detail}). This happens in private browsing or when the disk is full: leave private browsing or free some space, then reload.`,
      { cause },
    );
  }
}
