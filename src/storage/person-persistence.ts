/**
 * What the engine keeps on this device about the one person using it: their profile, the
 * append-only log of their product events, and a cache of the catalog's text embeddings (so a
 * second visit skips re-encoding the catalog). Two implementations: IndexedDB in the browser
 * (`indexeddb-persistence.ts`) and memory for Node tools and tests (`memory-persistence.ts`).
 */
import type { ProfileInput, RecordedEvent } from '../protocol/engine-api';

/** The catalog's embeddings as cached: rows packed `count × dim`, under the key they were made for. */
export interface CatalogEmbeddingsRecord {
  /** `catalogEmbeddingKey`: the encoder's files and the exact texts embedded. */
  readonly key: string;
  readonly dim: number;
  readonly rows: Float32Array;
}

/** The person's stored data, as read back. */
export interface StoredPerson {
  readonly profile: ProfileInput | null;
  /** Every event, oldest first. */
  readonly events: readonly RecordedEvent[];
}

export interface PersonPersistence {
  /** The stored profile and events (none for a new person). */
  loadPerson(): Promise<StoredPerson>;
  /** Replaces the stored profile. */
  saveProfile(profile: ProfileInput): Promise<void>;
  /** Appends one event to the log; events are never changed or removed one by one. */
  appendEvent(event: RecordedEvent): Promise<void>;
  /** The cached embeddings stored under `key`, if any. */
  loadCatalogEmbeddings(key: string): Promise<CatalogEmbeddingsRecord | undefined>;
  /** Stores embeddings, replacing any cached under other keys (only the current catalog matters). */
  saveCatalogEmbeddings(record: CatalogEmbeddingsRecord): Promise<void>;
  /** Releases the underlying store; the object must not be used afterwards. */
  close(): Promise<void>;
}
