import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PersonStore } from './person-store';

export interface AppUpdateState {
  /** The app and its models are cached on this device: it works with the network off. */
  readonly offlineReady: boolean;
  /** A new version (app or models) is downloaded and waits for the person's consent. */
  readonly updateReady: boolean;
  readonly applying: boolean;
  readonly markOfflineReady: () => void;
  /** Called by the service worker glue with the function that switches to the new version. */
  readonly offerUpdate: (apply: () => void) => void;
  /** Switches to the waiting version once every write of the person is stored (the page reloads). */
  readonly applyUpdate: () => Promise<void>;
  /**
   * Not now: the offer comes back on the next visit (and the browser itself switches once the app
   * is started again with no tab open: that is how service workers work).
   */
  readonly dismissUpdate: () => void;
  /** A newer version controls the page (applied here or in another tab): reload once every write is stored. */
  readonly reloadOntoNewVersion: () => Promise<void>;
}

export type AppUpdateStore = StoreApi<AppUpdateState>;

/**
 * Offline readiness and updates of the app, offered to the person and never applied mid-write.
 * `reload` reloads the page (injected: the store has no window of its own).
 */
export function createAppUpdateStore(personStore: PersonStore, reload: () => void): AppUpdateStore {
  let apply: (() => void) | null = null;
  return createStore<AppUpdateState>()((set) => ({
    offlineReady: false,
    updateReady: false,
    applying: false,
    markOfflineReady: () => set({ offlineReady: true }),
    offerUpdate(next) {
      apply = next;
      set({ updateReady: true });
    },
    async applyUpdate() {
      if (!apply) return;
      set({ applying: true });
      // Everything the person did is stored before the page reloads onto the new version.
      await personStore.getState().whenWritesSettled();
      apply();
    },
    dismissUpdate: () => set({ updateReady: false }),
    async reloadOntoNewVersion() {
      set({ applying: true });
      // Writes made meanwhile (the switch takes a moment) are stored before the page goes.
      await personStore.getState().whenWritesSettled();
      reload();
    },
  }));
}
