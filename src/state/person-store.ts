import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  EngineApi,
  PersonState,
  ProductEventInput,
  ProfileInput,
  Recommendations,
  SerializedError,
} from '../protocol/engine-api';
import { toSerializedError } from '../protocol/engine-call-error';
import type { EngineState, EngineStore } from './engine-store';
import { applyEvents, EMPTY_PERSON } from './person-events';

export const RECOMMENDATION_LIMIT = 10;
export const DEFAULT_DIVERSITY = 0.3;

/** waiting: submitted while the model loads, saved once it is ready; saving: with the engine now. */
export type ProfileSaveStatus = 'idle' | 'waiting' | 'saving' | 'saved' | 'error';
export type RecommendationsStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PersonStoreState {
  /** The person as the engine last reported them, plus the events it has not confirmed yet. */
  readonly person: PersonState;
  /** Whether the person saved on this device is known yet (read at start-up, before the models load). */
  readonly restored: boolean;
  /** The profile to show: the one just submitted (perhaps not saved yet), else the saved one. */
  readonly profile: ProfileInput | null;
  readonly profileStatus: ProfileSaveStatus;
  readonly profileError: SerializedError | null;
  /** Events recorded here that the engine has not confirmed yet (it may still be loading). */
  readonly pendingEvents: number;
  readonly eventError: SerializedError | null;

  /** The latest result shown; kept while a newer one is computed. */
  readonly recommendations: Recommendations | null;
  /** Whether `recommendations` was asked for with the above-risk list (else its `aboveRisk` is empty). */
  readonly aboveRiskIncluded: boolean;
  /** Increases each time a new recommendations result is shown. */
  readonly revision: number;
  readonly recommendationsStatus: RecommendationsStatus;
  /** A newer result is being computed; `recommendations` still holds the previous one. */
  readonly refreshing: boolean;
  readonly recommendationsError: SerializedError | null;
  /** The "Variety" control, 0–1 in steps of 0.1. */
  readonly diversity: number;
  /** Whether products above the person's risk level are asked for and shown (separately). */
  readonly showAboveRisk: boolean;

  /** Shows `profile` at once and saves it with the engine as soon as the model is ready. */
  readonly saveProfile: (profile: ProfileInput) => Promise<void>;
  /** Records an event (queued until the model is ready); the recommendations refresh after it. */
  readonly recordEvent: (event: ProductEventInput) => Promise<void>;
  readonly setDiversity: (diversity: number) => void;
  readonly setShowAboveRisk: (show: boolean) => void;
  /** Asks for recommendations with the current settings; calls made meanwhile coalesce. Never rejects. */
  readonly refresh: () => Promise<void>;
  /** Reads the person saved on this device, without waiting for the models. Never rejects. */
  readonly loadStoredPerson: () => Promise<void>;
}

export type PersonStore = StoreApi<PersonStoreState>;

/**
 * The person, their profile and their recommendations. Writes to the engine (profile, events) run
 * one at a time in the order they were made, each waiting until the engine is ready and has
 * restored the person; every write that lands refreshes the recommendations.
 */
export function createPersonStore(engine: EngineApi, engineStore: EngineStore): PersonStore {
  // What the engine last said about the person, and events it has not answered for yet.
  let confirmed: PersonState = EMPTY_PERSON;
  let unconfirmed: ProductEventInput[] = [];
  let writes: Promise<unknown> = Promise.resolve();
  let queuedWrites = 0;
  let adoptedSession = 0;
  let readyWaiters: (() => void)[] = [];
  let latestProfileSave = 0;
  // Refresh coalescing: `wanted` counts requests; a result is shown only if none came after it.
  let wanted = 0;
  let running: Promise<void> | null = null;

  const store = createStore<PersonStoreState>()((set, get) => {
    const publishPerson = () => {
      set({ person: applyEvents(confirmed, unconfirmed), pendingEvents: unconfirmed.length });
    };

    const engineReady = (): boolean => {
      const engineState = engineStore.getState();
      return engineState.status === 'ready' && engineState.session === adoptedSession;
    };

    const whenEngineReady = (): Promise<void> =>
      engineReady() ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));

    const failed = (error: unknown): SerializedError => {
      engineStore.getState().reportFailure(error);
      return toSerializedError(error);
    };

    /**
     * Runs `write` after every earlier write, once the engine is ready; when the last queued write
     * has landed, refreshes (once for a burst of events, not once per event).
     */
    const enqueueWrite = (write: () => Promise<void>): Promise<void> => {
      queuedWrites += 1;
      const next = writes
        .then(whenEngineReady)
        .then(write)
        .finally(() => {
          queuedWrites -= 1;
          if (queuedWrites === 0) void refresh();
        });
      // Writes catch their own failures; this only keeps one bug from stopping every later write.
      writes = next.catch(() => undefined);
      return next;
    };

    /** One recommend call; publishes its result unless a newer request came in meanwhile. */
    const fetchOnce = async (asked: number): Promise<void> => {
      if (!engineReady() || !confirmed.profile) {
        set({ refreshing: false });
        return;
      }
      set(get().recommendations ? { refreshing: true } : { recommendationsStatus: 'loading', refreshing: true });
      const { diversity, showAboveRisk } = get();
      try {
        const recommendations = await engine.recommend({
          limit: RECOMMENDATION_LIMIT,
          diversity,
          includeAboveRisk: showAboveRisk,
        });
        if (asked !== wanted) return;
        set({
          recommendations,
          aboveRiskIncluded: showAboveRisk,
          revision: get().revision + 1,
          recommendationsStatus: 'ready',
          recommendationsError: null,
          refreshing: false,
        });
      } catch (error) {
        if (asked !== wanted) return;
        set({ recommendationsStatus: 'error', recommendationsError: failed(error), refreshing: false });
      }
    };

    const refresh = (): Promise<void> => {
      wanted += 1;
      running ??= (async () => {
        try {
          let asked: number;
          do {
            asked = wanted;
            await fetchOnce(asked);
          } while (asked !== wanted);
        } finally {
          running = null;
        }
      })();
      return running;
    };

    return {
      person: EMPTY_PERSON,
      restored: false,
      profile: null,
      profileStatus: 'idle',
      profileError: null,
      pendingEvents: 0,
      eventError: null,
      recommendations: null,
      aboveRiskIncluded: false,
      revision: 0,
      recommendationsStatus: 'idle',
      refreshing: false,
      recommendationsError: null,
      diversity: DEFAULT_DIVERSITY,
      showAboveRisk: false,

      saveProfile(profile) {
        const save = ++latestProfileSave;
        set({ profile, profileStatus: engineReady() ? 'saving' : 'waiting', profileError: null });
        return enqueueWrite(async () => {
          if (save === latestProfileSave) set({ profileStatus: 'saving' });
          try {
            confirmed = await engine.setProfile(profile);
            publishPerson();
            if (save === latestProfileSave) set({ profile: confirmed.profile ?? profile, profileStatus: 'saved' });
          } catch (error) {
            const serialized = failed(error);
            if (save === latestProfileSave) set({ profileStatus: 'error', profileError: serialized });
          }
        });
      },

      recordEvent(event) {
        const queued: ProductEventInput = { ...event };
        unconfirmed = [...unconfirmed, queued];
        publishPerson();
        set({ eventError: null });
        return enqueueWrite(async () => {
          try {
            confirmed = await engine.recordEvent(queued);
          } catch (error) {
            set({ eventError: failed(error) });
          } finally {
            unconfirmed = unconfirmed.filter((pending) => pending !== queued);
            publishPerson();
          }
        });
      },

      setDiversity(diversity) {
        const rounded = Math.round(Math.min(1, Math.max(0, diversity)) * 10) / 10;
        if (rounded === get().diversity) return;
        set({ diversity: rounded });
        void refresh();
      },

      setShowAboveRisk(show) {
        set({ showAboveRisk: show });
        // Only showing needs a new result (with the list asked for); hiding just hides it.
        if (show) void refresh();
      },

      refresh,

      async loadStoredPerson() {
        let stored: PersonState;
        try {
          stored = await engine.storedPerson();
        } catch {
          // Unreadable storage fails the engine's start-up too, which shows the error; nothing to add.
          return;
        }
        // The engine's copy, once adopted, is at least as new as this read.
        if (adoptedSession !== 0) return;
        confirmed = stored;
        adoptPerson();
      },
    };
  });

  /** Shows `confirmed` as the person, keeping a profile the person has just submitted. */
  function adoptPerson(): void {
    const { profile, profileStatus } = store.getState();
    const submitted = profileStatus === 'waiting' || profileStatus === 'saving' ? profile : null;
    store.setState({ restored: true, profile: submitted ?? confirmed.profile, person: applyEvents(confirmed, unconfirmed) });
  }

  /** Each time the engine becomes ready, it has restored the person: take them, then let writes run. */
  const adoptRestoredPerson = (engineState: EngineState) => {
    if (engineState.status !== 'ready' || engineState.session === adoptedSession || !engineState.restoredPerson) return;
    adoptedSession = engineState.session;
    confirmed = engineState.restoredPerson;
    adoptPerson();
    const waiters = readyWaiters;
    readyWaiters = [];
    for (const resume of waiters) resume();
    // Queued writes refresh when they have landed; otherwise show the restored person's list now.
    if (queuedWrites === 0) void store.getState().refresh();
  };
  engineStore.subscribe(adoptRestoredPerson);
  adoptRestoredPerson(engineStore.getState());

  return store;
}
