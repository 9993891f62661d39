import type { PersonSettings, ProfileInput, RecordedEvent, StoreFootprint } from '../protocol/engine-api';
import { DEFAULT_SETTINGS, type CatalogEmbeddingsRecord, type PersonPersistence, type StoredPerson } from './person-persistence';
import { StorageLockedError, WrongPassphraseError } from './storage-errors';

const encoder = new TextEncoder();

/** A record's size as its JSON, in UTF-8 bytes: memory has no stored form, this is what it would take. */
function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).byteLength;
}

/**
 * Persistence held in memory for as long as the object lives: what Node tools and tests give the
 * engine, and what two engines share to act as "the same device". Values are copied in and out,
 * as IndexedDB's structured clone does, so callers cannot change what is stored by accident.
 *
 * Nothing is encrypted, but passphrase protection behaves as in IndexedDB, so that engine tests can
 * exercise it: after `setPassphrase`, `close` ends the session and the person calls reject with
 * StorageLockedError until `unlock` gets the same passphrase (WrongPassphraseError otherwise).
 * `footprint` reports each record's JSON size, `encrypted: false`, and no `meta` store.
 */
export function createMemoryPersistence(): PersonPersistence {
  let profile: ProfileInput | null = null;
  let events: RecordedEvent[] = [];
  /** null until settings are saved (DEFAULT_SETTINGS are read meanwhile). */
  let settings: PersonSettings | null = null;
  let embeddings: CatalogEmbeddingsRecord | undefined;
  /** The passphrase protecting the data, null for the device key; kept in clear since nothing here is encrypted. */
  let passphrase: string | null = null;
  /** Whether the passphrase was given (or set) this session. */
  let unlocked = false;

  const locked = (): boolean => passphrase !== null && !unlocked;
  /** `work`'s result as a promise, or StorageLockedError while locked (a throw in an executor rejects). */
  const whenUnlocked = <T>(work: () => T): Promise<T> =>
    new Promise((resolve) => {
      if (locked()) throw new StorageLockedError();
      resolve(work());
    });

  return {
    keyStatus() {
      return Promise.resolve({ protection: passphrase === null ? 'device' : 'passphrase', locked: locked() });
    },
    unlock(given) {
      return new Promise((resolve) => {
        // A device key needs no passphrase: there is nothing to unlock.
        if (passphrase !== null && given !== passphrase) throw new WrongPassphraseError();
        unlocked = true;
        resolve();
      });
    },
    setPassphrase(next) {
      return whenUnlocked(() => {
        passphrase = next;
        unlocked = true;
      });
    },
    loadPerson() {
      return whenUnlocked((): StoredPerson => ({
        profile: profile && structuredClone(profile),
        events: structuredClone(events),
        settings: structuredClone(settings ?? DEFAULT_SETTINGS),
      }));
    },
    saveProfile(next) {
      return whenUnlocked(() => {
        profile = structuredClone(next);
      });
    },
    appendEvent(event) {
      return whenUnlocked(() => {
        events.push(structuredClone(event));
      });
    },
    saveSettings(next) {
      return whenUnlocked(() => {
        settings = structuredClone(next);
      });
    },
    deleteEventsBefore(at) {
      return whenUnlocked(() => {
        const kept = events.filter((event) => event.at >= at);
        const deleted = events.length - kept.length;
        events = kept;
        return deleted;
      });
    },
    replacePerson(next) {
      return whenUnlocked(() => {
        // Copied before anything is replaced, so a value that cannot be copied changes nothing.
        const copy = structuredClone(next);
        profile = copy.profile;
        events = [...copy.events];
        settings = copy.settings;
      });
    },
    footprint() {
      const stores: StoreFootprint[] = [
        { store: 'profile', records: profile === null ? 0 : 1, bytes: profile === null ? 0 : jsonBytes(profile), encrypted: false },
        { store: 'events', records: events.length, bytes: events.reduce((sum, event) => sum + jsonBytes(event), 0), encrypted: false },
        { store: 'settings', records: settings === null ? 0 : 1, bytes: settings === null ? 0 : jsonBytes(settings), encrypted: false },
        { store: 'catalogEmbeddings', records: embeddings === undefined ? 0 : 1, bytes: embeddings?.rows.byteLength ?? 0, encrypted: false },
      ];
      return Promise.resolve(stores);
    },
    erase() {
      profile = null;
      events = [];
      settings = null;
      embeddings = undefined;
      passphrase = null;
      unlocked = false;
      return Promise.resolve();
    },
    loadCatalogEmbeddings(key) {
      return Promise.resolve(embeddings?.key === key ? structuredClone(embeddings) : undefined);
    },
    saveCatalogEmbeddings(record) {
      embeddings = structuredClone(record);
      return Promise.resolve();
    },
    close() {
      // The session ends: a passphrase is needed again.
      unlocked = false;
      return Promise.resolve();
    },
  };
}
