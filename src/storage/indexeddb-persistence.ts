import { deleteDB, type IDBPTransaction } from 'idb';
import type { PersonSettings, ProfileInput, RecordedEvent, StoreFootprint } from '../protocol/engine-api';
import { createDeviceKey, createPassphraseKey, deviceSessionKey, keyMaterialBytes, unlockPassphraseKey, type SessionKey } from './key-store';
import { lazyDatabase } from './lazy-database';
import {
  CACHE_DATABASE_VERSION,
  completePendingEncryption,
  CURRENT_RECORD,
  isKeyMaterial,
  issueWrite,
  KEY_MATERIAL_RECORD,
  PERSON_DATABASE_VERSION,
  PERSON_STORES,
  readKeyMaterial,
  readOrCreateKeyMaterial,
  runInTransaction,
  upgradeCacheDatabase,
  upgradePersonDatabase,
  type CacheDatabase,
  type PersonDatabase,
  type SealedStore,
} from './person-database';
import { DEFAULT_SETTINGS, type PersonPersistence, type StoredPerson } from './person-persistence';
import { openRecord, sealedBytes, sealRecord, type SealedRecord } from './record-cipher';
import { ChangedMeanwhileError, EraseBlockedError, StorageLockedError } from './storage-errors';

/** The person database's name in this origin's IndexedDB: profile, events, settings and their key. */
export const PERSON_DATABASE = 'finance-recommender-person';
/** The cache database's name: the catalog's embeddings (product texts only, nothing personal). */
export const CACHE_DATABASE = 'finance-recommender-cache';

/** How long `erase` waits for other tabs to close the databases before it says so. */
const ERASE_BLOCKED_TIMEOUT_MS = 3_000;

/** Tries of an operation whose key or records another tab changed under it, before giving up. */
const MAX_ATTEMPTS = 3;

/** What each sealed store holds, once opened. */
interface SealedValues {
  profile: ProfileInput;
  events: RecordedEvent;
  settings: PersonSettings;
}

/** One stored event record with its key (its place in the log). */
interface RawEvent {
  readonly key: number;
  readonly record: SealedRecord;
}

/** The person's records as stored. */
interface RawPerson {
  readonly profile: SealedRecord | undefined;
  /** In log order. */
  readonly events: readonly RawEvent[];
  readonly settings: SealedRecord | undefined;
}

type PersonTransaction<Mode extends IDBTransactionMode> = IDBPTransaction<PersonDatabase, typeof PERSON_STORES, Mode>;

const seal = <S extends SealedStore>(session: SessionKey, store: S, value: SealedValues[S]): Promise<SealedRecord> =>
  sealRecord(session.key, store, value);
const open = <S extends SealedStore>(session: SessionKey, store: S, record: SealedRecord): Promise<SealedValues[S]> =>
  openRecord<SealedValues[S]>(session.key, store, record);

async function readRawPerson<Mode extends IDBTransactionMode>(tx: PersonTransaction<Mode>): Promise<RawPerson> {
  const [profile, eventKeys, eventRecords, settings] = await Promise.all([
    tx.objectStore('profile').get(CURRENT_RECORD),
    tx.objectStore('events').getAllKeys(),
    tx.objectStore('events').getAll(),
    tx.objectStore('settings').get(CURRENT_RECORD),
  ]);
  // Both lists come in key order from the same transaction, so they pair up index by index.
  const events = eventKeys.flatMap((key, index) => {
    const record = eventRecords[index];
    return record === undefined ? [] : [{ key, record }];
  });
  return { profile, events, settings };
}

async function openPerson(session: SessionKey, raw: RawPerson): Promise<StoredPerson> {
  const [profile, events, settings] = await Promise.all([
    raw.profile === undefined ? null : open(session, 'profile', raw.profile),
    Promise.all(raw.events.map(({ record }) => open(session, 'events', record))),
    raw.settings === undefined ? { ...DEFAULT_SETTINGS } : open(session, 'settings', raw.settings),
  ]);
  return { profile, events, settings };
}

/** Identifies exactly which records are stored: every seal draws a new IV, so any rewrite changes this. */
function recordsFingerprint(raw: RawPerson): string {
  const ivs = [raw.profile, raw.settings, ...raw.events.map((event) => event.record)].map((record) =>
    record === undefined ? '-' : Array.from(record.iv, (byte) => byte.toString(16).padStart(2, '0')).join(''),
  );
  return `${raw.events.map((event) => event.key).join(',')}|${ivs.join(',')}`;
}

function storeFootprint(store: SealedStore, records: readonly SealedRecord[]): StoreFootprint {
  return { store, records: records.length, bytes: records.reduce((sum, record) => sum + sealedBytes(record), 0), encrypted: true };
}

/** Deletes a database; rejects with EraseBlockedError if other tabs keep it open too long (it is deleted once they close it). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    deleteDB(name, {
      // Another tab still has it open: this app's tabs close on `versionchange` at once, others may not.
      blocked() {
        timer ??= setTimeout(() => {
          reject(new EraseBlockedError());
        }, ERASE_BLOCKED_TIMEOUT_MS);
      },
    })
      .finally(() => {
        clearTimeout(timer);
      })
      .then(resolve, reject);
  });
}

/**
 * Persistence in IndexedDB (through `idb`, a small promise wrapper), encrypted at rest. Two
 * databases per origin: the person's (`person-database.ts`: key material, and the profile, the
 * event log and the settings as AES-GCM sealed records) and a cache of the catalog embeddings.
 *
 * The key is a non-extractable device key made on first use, or derived from the person's passphrase
 * (then every person call rejects with StorageLockedError until `unlock`). Sealing and opening happen
 * outside transactions, since IndexedDB commits a transaction that waits on anything else; writes
 * that must go together go in one transaction, which first checks that the key it sealed with is
 * still the stored one (another tab may have changed the passphrase) and otherwise starts over.
 *
 * `footprint` lists `meta` (key material, not encrypted: it is what opens the rest; its bytes are the
 * key's 32, or the salt and the sealed verifier), `profile`, `events`, `settings` (IV + ciphertext
 * per record) and `catalogEmbeddings` (the rows' bytes). It needs no key, so it works while locked,
 * as do the catalog cache calls.
 *
 * The names are parameters for tests (one pair per simulated device). Databases open on first use,
 * so creating this never fails; a browser that refuses storage makes the first call reject. `close`
 * ends the session: the passphrase is needed again afterwards.
 */
export function createIndexedDbPersistence(personDatabase = PERSON_DATABASE, cacheDatabase = CACHE_DATABASE): PersonPersistence {
  const person = lazyDatabase<PersonDatabase>(personDatabase, PERSON_DATABASE_VERSION, upgradePersonDatabase, completePendingEncryption);
  const cache = lazyDatabase<CacheDatabase>(cacheDatabase, CACHE_DATABASE_VERSION, upgradeCacheDatabase);
  /** This session's key: the device key as read, or the one derived at `unlock`. */
  let session: SessionKey | undefined;

  const currentSession = async (): Promise<SessionKey> => {
    if (session !== undefined) return session;
    const material = await readOrCreateKeyMaterial(await person.connection());
    if (material.protection === 'passphrase') throw new StorageLockedError();
    session = deviceSessionKey(material);
    return session;
  };

  /** Runs `work` with this session's key, again (up to MAX_ATTEMPTS) if another tab changed the key or records meanwhile. */
  const withSessionKey = async <T>(work: (key: SessionKey) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      const key = await currentSession();
      try {
        return await work(key);
      } catch (error) {
        if (!(error instanceof ChangedMeanwhileError) || attempt >= MAX_ATTEMPTS) throw error;
        // Read the stored key again: it may now be another device key, or a passphrase (locked).
        if (session === key) session = undefined;
      }
    }
  };

  /**
   * Runs `body` in one transaction over every person store once the stored key is checked to be
   * `key` (ChangedMeanwhileError otherwise), and waits for it to commit. `body` may await only
   * requests of `tx` (any other await lets IndexedDB commit early) and makes its writes with
   * `issueWrite`. A body that throws, or a write that fails, leaves nothing written.
   */
  const keyedTransaction = async <Mode extends 'readonly' | 'readwrite', T>(
    key: SessionKey,
    mode: Mode,
    body: (tx: PersonTransaction<Mode>) => Promise<T> | T,
  ): Promise<T> => {
    const tx = (await person.connection()).transaction(PERSON_STORES, mode);
    return runInTransaction(tx, async () => {
      const stored = await tx.objectStore('meta').get(KEY_MATERIAL_RECORD);
      if (!isKeyMaterial(stored) || stored.keyId !== key.keyId) throw new ChangedMeanwhileError();
      return body(tx);
    });
  };

  return {
    async keyStatus() {
      const material = await readKeyMaterial(await person.connection());
      // No material yet: a device key is made on the first read or write.
      if (material === undefined || material.protection === 'device') return { protection: 'device', locked: false };
      return { protection: 'passphrase', locked: session?.keyId !== material.keyId };
    },

    async unlock(passphrase) {
      const material = await readKeyMaterial(await person.connection());
      // A device key needs no passphrase: there is nothing to unlock.
      if (material?.protection !== 'passphrase') return;
      session = await unlockPassphraseKey(material, passphrase);
    },

    async setPassphrase(passphrase) {
      await withSessionKey(async (current) => {
        const before = await keyedTransaction(current, 'readonly', readRawPerson);
        const next = passphrase === null ? await createDeviceKey() : await createPassphraseKey(passphrase);
        const reseal = async (store: SealedStore, record: SealedRecord): Promise<SealedRecord> =>
          seal(next.session, store, await open(current, store, record));
        const [profile, settings, events] = await Promise.all([
          before.profile === undefined ? undefined : reseal('profile', before.profile),
          before.settings === undefined ? undefined : reseal('settings', before.settings),
          Promise.all(before.events.map(async ({ key, record }) => ({ key, record: await reseal('events', record) }))),
        ]);
        await keyedTransaction(current, 'readwrite', async (tx) => {
          // A write from another tab since the read would be lost or left under the old key: start over.
          if (recordsFingerprint(await readRawPerson(tx)) !== recordsFingerprint(before)) throw new ChangedMeanwhileError();
          if (profile !== undefined) issueWrite(tx.objectStore('profile').put(profile, CURRENT_RECORD));
          if (settings !== undefined) issueWrite(tx.objectStore('settings').put(settings, CURRENT_RECORD));
          for (const { key, record } of events) issueWrite(tx.objectStore('events').put(record, key));
          issueWrite(tx.objectStore('meta').put(next.material, KEY_MATERIAL_RECORD));
        });
        session = next.session;
      });
    },

    loadPerson() {
      return withSessionKey(async (key) => openPerson(key, await keyedTransaction(key, 'readonly', readRawPerson)));
    },

    async saveProfile(profile) {
      await withSessionKey(async (key) => {
        const sealed = await seal(key, 'profile', profile);
        await keyedTransaction(key, 'readwrite', (tx) => tx.objectStore('profile').put(sealed, CURRENT_RECORD));
      });
    },

    async appendEvent(event) {
      await withSessionKey(async (key) => {
        const sealed = await seal(key, 'events', event);
        await keyedTransaction(key, 'readwrite', (tx) => tx.objectStore('events').add(sealed));
      });
    },

    async saveSettings(settings) {
      await withSessionKey(async (key) => {
        const sealed = await seal(key, 'settings', settings);
        await keyedTransaction(key, 'readwrite', (tx) => tx.objectStore('settings').put(sealed, CURRENT_RECORD));
      });
    },

    deleteEventsBefore(at) {
      return withSessionKey(async (key) => {
        const raw = await keyedTransaction(key, 'readonly', readRawPerson);
        const opened = await Promise.all(raw.events.map(async (event) => ({ eventKey: event.key, at: (await open(key, 'events', event.record)).at })));
        const expired = opened.filter((event) => event.at < at).map((event) => event.eventKey);
        if (expired.length === 0) return 0;
        // Deleting by key needs no key check: the records are the same whichever key sealed them.
        const tx = (await person.connection()).transaction('events', 'readwrite');
        await runInTransaction(tx, () => {
          for (const eventKey of expired) issueWrite(tx.store.delete(eventKey));
        });
        return expired.length;
      });
    },

    async replacePerson(next) {
      await withSessionKey(async (key) => {
        const [profile, events, settings] = await Promise.all([
          next.profile === null ? undefined : seal(key, 'profile', next.profile),
          Promise.all(next.events.map((event) => seal(key, 'events', event))),
          seal(key, 'settings', next.settings),
        ]);
        await keyedTransaction(key, 'readwrite', (tx) => {
          // Requests run in the order they are made: the stores are cleared before the new records go in.
          for (const store of ['profile', 'events', 'settings'] as const) issueWrite(tx.objectStore(store).clear());
          if (profile !== undefined) issueWrite(tx.objectStore('profile').put(profile, CURRENT_RECORD));
          for (const record of events) issueWrite(tx.objectStore('events').add(record));
          issueWrite(tx.objectStore('settings').put(settings, CURRENT_RECORD));
        });
      });
    },

    async footprint() {
      const tx = (await person.connection()).transaction(PERSON_STORES, 'readonly');
      const [meta, profile, events, settings] = await Promise.all([
        tx.objectStore('meta').getAll(),
        tx.objectStore('profile').getAll(),
        tx.objectStore('events').getAll(),
        tx.objectStore('settings').getAll(),
        tx.done,
      ]);
      const keyMaterial = meta.filter(isKeyMaterial);
      const cached = await (await cache.connection()).getAll('catalogEmbeddings');
      return [
        { store: 'meta', records: keyMaterial.length, bytes: keyMaterial.reduce((sum, material) => sum + keyMaterialBytes(material), 0), encrypted: false },
        storeFootprint('profile', profile),
        storeFootprint('events', events),
        storeFootprint('settings', settings),
        { store: 'catalogEmbeddings', records: cached.length, bytes: cached.reduce((sum, record) => sum + record.rows.byteLength, 0), encrypted: false },
      ];
    },

    async erase() {
      session = undefined;
      await Promise.all([person.close(), cache.close()]);
      await Promise.all([deleteDatabase(personDatabase), deleteDatabase(cacheDatabase)]);
    },

    async loadCatalogEmbeddings(key) {
      return (await cache.connection()).get('catalogEmbeddings', key);
    },

    async saveCatalogEmbeddings(record) {
      const tx = (await cache.connection()).transaction('catalogEmbeddings', 'readwrite');
      await runInTransaction(tx, () => {
        issueWrite(tx.store.clear());
        issueWrite(tx.store.put(record));
      });
    },

    async close() {
      session = undefined;
      await Promise.all([person.close(), cache.close()]);
    },
  };
}
