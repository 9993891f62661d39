/**
 * What the engine keeps on this device about the one person using it: their profile, the
 * append-only log of their product events and their settings, encrypted at rest (AES-GCM, see
 * `indexeddb-persistence.ts`), plus a cache of the catalog's text embeddings (not personal: product
 * texts only) so that a second visit skips re-encoding the catalog. Two implementations: IndexedDB
 * in the browser and memory for Node tools and tests (`memory-persistence.ts`).
 */
import type { KeyProtection, PersonSettings, ProfileInput, RecordedEvent, StoreFootprint } from '../protocol/engine-api';

/** The catalog's embeddings as cached: rows packed `count × dim`, under the key they were made for. */
export interface CatalogEmbeddingsRecord {
  /** `catalogEmbeddingKey`: the encoder's files and the exact texts embedded. */
  readonly key: string;
  readonly dim: number;
  readonly rows: Float32Array;
}

/** The person's stored data, as read back (decrypted). */
export interface StoredPerson {
  readonly profile: ProfileInput | null;
  /** Every event, oldest first. */
  readonly events: readonly RecordedEvent[];
  readonly settings: PersonSettings;
}

/** How the stored data is protected, and whether it can be read now. */
export interface KeyStatus {
  readonly protection: KeyProtection;
  /** True while a passphrase is needed (`unlock`) before the person can be read or written. */
  readonly locked: boolean;
}

export interface PersonPersistence {
  /** How the data is protected; never throws StorageLockedError. */
  keyStatus(): Promise<KeyStatus>;
  /** Derives the key from `passphrase` (PBKDF2) and keeps it for this session; WrongPassphraseError when it does not open the data. */
  unlock(passphrase: string): Promise<void>;
  /**
   * Re-encrypts everything under a key derived from `passphrase`, or under a new random device key
   * when `null`. StorageLockedError while locked.
   */
  setPassphrase(passphrase: string | null): Promise<void>;
  /** The stored profile, events and settings (none for a new person); StorageLockedError while locked. */
  loadPerson(): Promise<StoredPerson>;
  /** Replaces the stored profile. */
  saveProfile(profile: ProfileInput): Promise<void>;
  /** Appends one event to the log. */
  appendEvent(event: RecordedEvent): Promise<void>;
  /** Replaces the stored settings. */
  saveSettings(settings: PersonSettings): Promise<void>;
  /** Deletes the events that happened before `at` (Unix ms); resolves with how many were deleted. */
  deleteEventsBefore(at: number): Promise<number>;
  /** Replaces profile, events and settings together, all or nothing (import). */
  replacePerson(person: StoredPerson): Promise<void>;
  /** Records and bytes per store, as stored (encrypted sizes). */
  footprint(): Promise<readonly StoreFootprint[]>;
  /**
   * Deletes every database this persistence owns (person data, key and cache); the next call
   * starts a new, empty store with a new device key.
   */
  erase(): Promise<void>;
  /** The cached embeddings stored under `key`, if any. */
  loadCatalogEmbeddings(key: string): Promise<CatalogEmbeddingsRecord | undefined>;
  /** Stores embeddings, replacing any cached under other keys (only the current catalog matters). */
  saveCatalogEmbeddings(record: CatalogEmbeddingsRecord): Promise<void>;
  /** Releases the underlying store; the object must not be used afterwards. */
  close(): Promise<void>;
}

/** The default settings: keep every event until the person deletes it. */
export const DEFAULT_SETTINGS: PersonSettings = { retentionDays: null };
