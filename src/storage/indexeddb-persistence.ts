import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ProfileInput, RecordedEvent } from '../protocol/engine-api';
import type { CatalogEmbeddingsRecord, PersonPersistence } from './person-persistence';

/** The database's name in this origin's IndexedDB. */
export const PERSON_DATABASE = 'finance-recommender-person';

/** Schema version; bump it with an `upgrade` step whenever the stores change. */
const VERSION = 1;

/** The one profile is stored under this key. */
const PROFILE_KEY = 'current';

interface PersonDatabase extends DBSchema {
  profile: { key: string; value: ProfileInput };
  /** Auto-incremented keys keep the log in the order it was written. */
  events: { key: number; value: RecordedEvent };
  catalogEmbeddings: { key: string; value: CatalogEmbeddingsRecord };
}

/**
 * Persistence in IndexedDB (through `idb`, a small promise wrapper): one database per person and
 * origin with a store each for the profile, the event log and the catalog embeddings cache. The
 * database opens on first use, so creating this never fails; a browser that refuses storage makes
 * the first call reject.
 */
export function createIndexedDbPersistence(name = PERSON_DATABASE): PersonPersistence {
  let opened: Promise<IDBPDatabase<PersonDatabase>> | undefined;
  const database = (): Promise<IDBPDatabase<PersonDatabase>> =>
    (opened ??= openDB<PersonDatabase>(name, VERSION, {
      upgrade(db) {
        db.createObjectStore('profile');
        db.createObjectStore('events', { autoIncrement: true });
        db.createObjectStore('catalogEmbeddings', { keyPath: 'key' });
      },
      // Another tab wants a newer schema: step aside (the next call here reopens it).
      blocking(_current, _wanted, event) {
        (event.target as IDBDatabase | null)?.close();
        opened = undefined;
      },
      // The browser closed the connection itself (storage cleared, disk error): reopen on the next call.
      terminated() {
        opened = undefined;
      },
    }));

  return {
    async loadPerson() {
      const db = await database();
      const tx = db.transaction(['profile', 'events'], 'readonly');
      const [profile, events] = await Promise.all([tx.objectStore('profile').get(PROFILE_KEY), tx.objectStore('events').getAll(), tx.done]);
      return { profile: profile ?? null, events };
    },
    async saveProfile(profile) {
      await (await database()).put('profile', profile, PROFILE_KEY);
    },
    async appendEvent(event) {
      await (await database()).add('events', event);
    },
    async loadCatalogEmbeddings(key) {
      return (await database()).get('catalogEmbeddings', key);
    },
    async saveCatalogEmbeddings(record) {
      const tx = (await database()).transaction('catalogEmbeddings', 'readwrite');
      await Promise.all([tx.store.clear(), tx.store.put(record), tx.done]);
    },
    async close() {
      const pending = opened;
      opened = undefined;
      // A database that failed to open has nothing to close.
      (await pending?.catch(() => undefined))?.close();
    },
  };
}
