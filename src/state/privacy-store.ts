import { createStore, type StoreApi } from 'zustand/vanilla';
import { message, type UiMessage } from '../i18n/message';
import { clearPageStorage, persistenceState, requestPersistentStorage, type PersistenceState } from '../privacy/browser-storage';
import { announceDataChange } from '../privacy/data-change-channel';
import { MAX_IMPORT_BYTES, type PersonDataApi, type PersonExport, type SerializedError, type StorageStatus, type StoredDataReport } from '../protocol/engine-api';
import { toSerializedError } from '../protocol/engine-call-error';
import type { PersonStore } from './person-store';

/** The data controls a person can use, one at a time. */
export type DataAction = 'export' | 'import' | 'erase' | 'retention' | 'passphrase';

/**
 * The latest data control used and how it went. `message` says what happened, for people; after a
 * failure, only when the store knows more than the error's code (a file too large to import).
 */
export interface DataActionState {
  readonly action: DataAction;
  readonly status: 'working' | 'done' | 'error';
  readonly message: UiMessage | null;
  readonly error: SerializedError | null;
}

export interface PrivacyState {
  /** How the data is protected; null until known. */
  readonly storage: StorageStatus | null;
  /** Everything stored, decrypted (the privacy center's view); null until read. */
  readonly report: StoredDataReport | null;
  readonly reportError: SerializedError | null;
  readonly persistence: PersistenceState | null;
  readonly lastAction: DataActionState | null;

  /** Reads the protection, the stored data and the persistence state again. Never rejects. */
  readonly refresh: () => Promise<void>;
  /** The person's data as the export file, or null when it failed (see `lastAction`). */
  readonly exportData: () => Promise<PersonExport | null>;
  /** Replaces the stored data with an export file's text. Never rejects. */
  readonly importData: (file: { readonly size: number; readonly text: () => Promise<string> }) => Promise<void>;
  /** Erases everything stored about the person on this device. Never rejects. */
  readonly eraseAll: () => Promise<void>;
  readonly setRetention: (days: number | null) => Promise<void>;
  /** Resolves true once the data is protected as asked, false when it failed (see `lastAction`). */
  readonly setPassphrase: (passphrase: string | null) => Promise<boolean>;
  /** Asks the browser to keep the data when the disk runs low. Never rejects. */
  readonly requestPersistence: () => Promise<void>;
}

export type PrivacyStore = StoreApi<PrivacyState>;

/**
 * The privacy center's state: what is stored, and the person's controls over it (export, import,
 * erase, retention, passphrase). A control waits for the person's writes already made, and one
 * that replaces the person hands the new one to the person store, so every page shows it at once;
 * the app's other tabs are told (they reload). `forgetShownData` clears what other stores show of
 * the person's own words (the last search) once everything is erased.
 */
export function createPrivacyStore(engine: PersonDataApi, personStore: PersonStore, forgetShownData: () => void): PrivacyStore {
  const store = createStore<PrivacyState>()((set) => ({
    storage: null,
    report: null,
    reportError: null,
    persistence: null,
    lastAction: null,

    async refresh() {
      const persistence = await persistenceState().catch((): PersistenceState => 'unsupported');
      set({ persistence });
      try {
        const storage = await engine.storageStatus();
        set({ storage });
        // Locked data cannot be shown (another tab may have just locked it): the app asks for the passphrase.
        if (storage.locked) {
          set({ report: null, reportError: null });
          personStore.setState({ locked: true });
          return;
        }
        set({ report: await engine.storedData(), reportError: null });
      } catch (error) {
        set({ reportError: toSerializedError(error) });
      }
    },

    async exportData() {
      return act('export', async () => {
        const file = await engine.exportData();
        return { result: file, message: message(file.profile ? 'privacy.export.doneWithProfile' : 'privacy.export.done', { count: file.events.length }) };
      });
    },

    async importData(file) {
      // Refused before reading: a huge file is not an export, and reading it would stall the page.
      if (file.size > MAX_IMPORT_BYTES) {
        const error: SerializedError = { code: 'INVALID_INPUT', message: `The file has ${file.size} bytes; an import takes at most ${MAX_IMPORT_BYTES}.` };
        const tooLarge = message('privacy.import.tooLarge', { megabytes: Math.round(file.size / 1e6) });
        set({ lastAction: { action: 'import', status: 'error', message: tooLarge, error } });
        return;
      }
      await act('import', async () => {
        const text = await file.text();
        await personStore.getState().whenWritesSettled();
        const person = await engine.importData(text);
        personStore.getState().replacePerson(person);
        announceDataChange();
        return { result: undefined, message: message(person.profile ? 'privacy.import.doneWithProfile' : 'privacy.import.done', { count: person.eventCount }) };
      });
    },

    async eraseAll() {
      await act('erase', async () => {
        await personStore.getState().whenWritesSettled();
        const person = await engine.eraseAll();
        personStore.getState().replacePerson(person);
        forgetShownData();
        announceDataChange();
        await clearPageStorage();
        return { result: undefined, message: message('privacy.erase.done') };
      });
    },

    async setRetention(days) {
      await act('retention', async () => {
        await personStore.getState().whenWritesSettled();
        const { person, deleted } = await engine.setRetention(days);
        personStore.getState().replacePerson(person);
        announceDataChange();
        const done = days === null ? message('privacy.retention.doneForever', { deleted }) : message('privacy.retention.done', { days, deleted });
        return { result: undefined, message: done };
      });
    },

    async setPassphrase(passphrase) {
      const done = await act('passphrase', async () => {
        const storage = await engine.setPassphrase(passphrase);
        set({ storage });
        announceDataChange();
        return { result: true, message: message(passphrase === null ? 'privacy.passphrase.removed' : 'privacy.passphrase.set') };
      });
      return done === true;
    },

    async requestPersistence() {
      set({ persistence: await requestPersistentStorage().catch((): PersistenceState => 'unsupported') });
    },
  }));

  /** Runs one data control, records how it went, then shows the stored data afresh. */
  async function act<T>(action: DataAction, work: () => Promise<{ result: T; message: UiMessage }>): Promise<T | null> {
    store.setState({ lastAction: { action, status: 'working', message: null, error: null } });
    let outcome: T | null = null;
    try {
      const { result, message: done } = await work();
      outcome = result;
      store.setState({ lastAction: { action, status: 'done', message: done, error: null } });
    } catch (error) {
      store.setState({ lastAction: { action, status: 'error', message: null, error: toSerializedError(error) } });
    }
    await store.getState().refresh();
    return outcome;
  }

  return store;
}
