import { ExplainedStorageError } from './storage-errors';

/**
 * Sealing of stored records: AES-GCM with a 256-bit key through WebCrypto (`crypto.subtle`, in
 * browsers, workers and Node alike). A record's plaintext is its JSON; each record gets its own
 * random 12-byte IV, and the name of the place it is stored in is bound to it as additional data,
 * so a record moved to another store (a settings record put in place of the profile) fails to open
 * instead of being read as something it is not.
 */

/** One encrypted record as stored: the IV it was sealed with and the ciphertext (the GCM tag included). */
export interface SealedRecord {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly ciphertext: ArrayBuffer;
}

/** A stored record that does not open under the key and place it was read with. */
export class UnreadableRecordError extends ExplainedStorageError {
  constructor(context: string, options?: ErrorOptions) {
    super(
      `A stored ${context} record could not be decrypted: it was changed outside the app or sealed under another key. Import your last export, or erase your data on the Privacy page and start again.`,
      options,
    );
    this.name = 'UnreadableRecordError';
  }
}

/** AES-GCM's recommended IV length: 96 bits. */
const IV_BYTES = 12;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Encrypts `value`'s JSON under `key`, bound to `context` (the store or record it is kept as). */
export async function sealRecord(key: CryptoKey, context: string, value: unknown): Promise<SealedRecord> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plaintext = encoder.encode(JSON.stringify(value));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, plaintext);
  return { iv, ciphertext };
}

/**
 * Decrypts a record sealed by `sealRecord` under the same key and context, or throws
 * UnreadableRecordError. GCM authenticates the ciphertext and the context, so a record that opens
 * is exactly what this code sealed there: the caller's `T` is the type it sealed in that place.
 */
export async function openRecord<T>(key: CryptoKey, context: string, record: SealedRecord): Promise<T> {
  let plaintext: ArrayBuffer;
  try {
    plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv, additionalData: encoder.encode(context) }, key, record.ciphertext);
  } catch (cause) {
    throw new UnreadableRecordError(context, { cause });
  }
  return JSON.parse(decoder.decode(plaintext)) as T;
}

/** Bytes a sealed record takes as stored: its IV and its ciphertext (IndexedDB's own overhead aside). */
export function sealedBytes(record: SealedRecord): number {
  return record.iv.byteLength + record.ciphertext.byteLength;
}
