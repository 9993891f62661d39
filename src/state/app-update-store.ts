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
  /** Not now: the offer comes back on the next visit. */
  readonly dismissUpdate: () => void;
}

export type AppUpdateStore = StoreApi<AppUpdateState>;

/** Offline readiness and updates of the app, applied only with the person's consent and never mid-write. */
export function createAppUpdateStore(personStore: PersonStore): AppUpdateStore {
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
  }));
}
