/**
 * The two IndexedDB databases' schemas, their upgrades, and the step that finishes the upgrade from
 * version 1 (plaintext) by encrypting what it kept.
 *
 * Person database, version 2: `meta` (key material, see `key-store.ts`), and `profile`, `events`,
 * `settings` holding sealed records (`record-cipher.ts`). Version 1 kept `profile` and `events` as
 * plaintext and the catalog embeddings next to them; the cache now lives in its own database, since
 * it is not personal and is simply recomputed when missing.
 */
import { unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { createDeviceKey, type KeyMaterial } from './key-store';
import type { CatalogEmbeddingsRecord } from './person-persistence';
import { sealRecord, type SealedRecord } from './record-cipher';
import { StorageLockedError } from './storage-errors';

/** Schema version of the person database; bump it with an `upgrade` step whenever the stores change. */
export const PERSON_DATABASE_VERSION = 2;
/** Schema version of the cache database. */
export const CACHE_DATABASE_VERSION = 1;

/** The profile and the settings are single records under this key. */
export const CURRENT_RECORD = 'current';
/** `meta` key of the key material. */
export const KEY_MATERIAL_RECORD = 'key';
/** `meta` key of the mark that version 1's plaintext records still wait to be encrypted. */
const PENDING_ENCRYPTION_RECORD = 'pendingEncryption';

/** Left by the upgrade from version 1 until its plaintext records are encrypted, in the same transaction. */
interface PendingEncryption {
  readonly fromVersion: 1;
}

export type MetaRecord = KeyMaterial | PendingEncryption;

export interface PersonDatabase extends DBSchema {
  meta: { key: string; value: MetaRecord };
  /**
   * Sealed records, except in a database upgraded from version 1 before `completePendingEncryption`
   * ran on it: then profile and events still hold version 1's plaintext values. Nothing else reads
   * them meanwhile, since every connection runs that step before it is handed out.
   */
  profile: { key: string; value: SealedRecord };
  /** Auto-incremented keys keep the log in the order it was written. */
  events: { key: number; value: SealedRecord };
  settings: { key: string; value: SealedRecord };
}

/** Every store of the person database, for transactions that check the key and touch the records. */
export const PERSON_STORES = ['meta', 'profile', 'events', 'settings'] as const;

/** The stores of sealed records; each name is also the context its records are sealed with. */
export type SealedStore = 'profile' | 'events' | 'settings';

export interface CacheDatabase extends DBSchema {
  catalogEmbeddings: { key: string; value: CatalogEmbeddingsRecord };
}

/** Creates the person database's stores, or upgrades them from version 1 keeping the person's data. */
export function upgradePersonDatabase(
  db: IDBPDatabase<PersonDatabase>,
  oldVersion: number,
  _newVersion: number | null,
  transaction: IDBPTransaction<PersonDatabase, StoreNames<PersonDatabase>[], 'versionchange'>,
): void {
  if (oldVersion < 1) {
    db.createObjectStore('profile');
    db.createObjectStore('events', { autoIncrement: true });
  }
  if (oldVersion < 2) {
    db.createObjectStore('meta');
    db.createObjectStore('settings');
  }
  if (oldVersion === 1) {
    // Not in the typed schema any more, hence the raw database.
    unwrap(db).deleteObjectStore('catalogEmbeddings');
    // WebCrypto cannot run inside this transaction (it would commit while waiting), so the plaintext
    // records stay as they are, marked, until `completePendingEncryption` seals them.
    void transaction.objectStore('meta').put({ fromVersion: 1 }, PENDING_ENCRYPTION_RECORD);
  }
}

/** Creates the cache database's one store. */
export function upgradeCacheDatabase(db: IDBPDatabase<CacheDatabase>): void {
  db.createObjectStore('catalogEmbeddings', { keyPath: 'key' });
}

/**
 * Lets a write request run without awaiting it: a failed request aborts its transaction, whose
 * `done` then reports the error. Observing each request as soon as it is made means that when a later
 * one throws while being made (a value that cannot be cloned) and the transaction is aborted, no
 * earlier request's rejection goes unhandled.
 */
export function issueWrite(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

/**
 * Runs `work` in `tx` and waits for `tx` to commit. If `work` throws, `tx` is aborted, so nothing it
 * wrote stays. `work` may await only requests of `tx`: any other await lets IndexedDB commit early.
 */
export async function runInTransaction<T>(tx: { readonly done: Promise<void>; abort(): void }, work: () => Promise<T> | T): Promise<T> {
  const committed = tx.done;
  // Observed now, so that the abort below is not reported as unhandled; awaited on success.
  committed.catch(() => undefined);
  try {
    const result = await work();
    await committed;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by a failed request, or finished.
    }
    throw error;
  }
}

/** Narrows a `meta` record to key material. */
export function isKeyMaterial(record: MetaRecord | undefined): record is KeyMaterial {
  return record !== undefined && 'protection' in record;
}

/** The stored key material, if a key was made yet. */
export async function readKeyMaterial(db: IDBPDatabase<PersonDatabase>): Promise<KeyMaterial | undefined> {
  const record = await db.get('meta', KEY_MATERIAL_RECORD);
  return isKeyMaterial(record) ? record : undefined;
}

/** The stored key material, after making and storing a device key if there is none yet. */
export async function readOrCreateKeyMaterial(db: IDBPDatabase<PersonDatabase>): Promise<KeyMaterial> {
  const stored = await readKeyMaterial(db);
  if (stored !== undefined) return stored;
  const created = await createDeviceKey();
  try {
    // `add`, not `put`: a key another tab stored meanwhile must never be overwritten.
    await db.add('meta', created.material, KEY_MATERIAL_RECORD);
    return created.material;
  } catch (error) {
    const winner = error instanceof DOMException && error.name === 'ConstraintError' ? await readKeyMaterial(db) : undefined;
    if (winner === undefined) throw error;
    return winner;
  }
}

/**
 * Finishes an upgrade from version 1: seals its plaintext profile and events under the device key
 * (made now if need be) and clears the mark, all in one transaction. Until that commits the plaintext
 * records and the mark stay as they were, so an interrupted run (tab closed, crypto or disk failure)
 * loses nothing and the next connection runs it again. Does nothing on a database without the mark.
 */
export async function completePendingEncryption(db: IDBPDatabase<PersonDatabase>): Promise<void> {
  if ((await db.get('meta', PENDING_ENCRYPTION_RECORD)) === undefined) return;
  const material = await readOrCreateKeyMaterial(db);
  // Unreachable in practice: version 1 had no passphrase, and nothing can set one before this step.
  if (material.protection !== 'device') throw new StorageLockedError();

  const read = db.transaction(['profile', 'events'], 'readonly');
  // Version 1's plaintext values, whatever the schema's type says: sealed verbatim.
  const [profile, eventKeys, events] = await Promise.all([
    read.objectStore('profile').get(CURRENT_RECORD),
    read.objectStore('events').getAllKeys(),
    read.objectStore('events').getAll(),
    read.done,
  ]);
  const sealedProfile = profile === undefined ? undefined : await sealRecord(material.key, 'profile', profile);
  // Both lists come in key order from the same transaction, so they pair up index by index.
  const sealedEvents = await Promise.all(eventKeys.map(async (key, index) => ({ key, record: await sealRecord(material.key, 'events', events[index]) })));

  const write = db.transaction(['meta', 'profile', 'events'], 'readwrite');
  await runInTransaction(write, async () => {
    // Another tab may have finished the upgrade meanwhile; its records then stand.
    if ((await write.objectStore('meta').get(PENDING_ENCRYPTION_RECORD)) === undefined) return;
    if (sealedProfile !== undefined) issueWrite(write.objectStore('profile').put(sealedProfile, CURRENT_RECORD));
    // The same keys, so the log keeps its order.
    for (const { key, record } of sealedEvents) issueWrite(write.objectStore('events').put(record, key));
    issueWrite(write.objectStore('meta').delete(PENDING_ENCRYPTION_RECORD));
  });
}
