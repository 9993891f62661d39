import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  EngineApi,
  PersonDataApi,
  PersonState,
  ProductEventInput,
  ProfileInput,
  Recommendations,
  SerializedError,
} from '../protocol/engine-api';
import { toSerializedError } from '../protocol/engine-call-error';
import { coalescedTask } from './coalesced-task';
import type { EngineState, EngineStore } from './engine-store';
import { applyEvents, EMPTY_PERSON } from './person-events';

export const RECOMMENDATION_LIMIT = 10;
export const DEFAULT_DIVERSITY = 0.3;

/**
 * saving: being stored on this device (the model need not be loaded); saved: stored on this device;
 * error: not stored, and `profile` is back to the one that is.
 */
export type ProfileSaveStatus = 'idle' | 'saving' | 'saved' | 'error';
export type RecommendationsStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PersonStoreState {
  /** The person as the engine last reported them, plus the events it has not confirmed yet. */
  readonly person: PersonState;
  /** Whether the person saved on this device is known yet (read at start-up, before the models load). */
  readonly restored: boolean;
  /** The profile to show: the one being saved, else the one stored on this device. */
  readonly profile: ProfileInput | null;
  readonly profileStatus: ProfileSaveStatus;
  readonly profileError: SerializedError | null;
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

  /** Shows `profile` at once and stores it on this device. Never rejects. */
  readonly saveProfile: (profile: ProfileInput) => Promise<void>;
  /**
   * Shows the event's effect at once and stores it; resolves true once stored, false if it was
   * refused (see `eventError`, and the prediction is undone). Never rejects.
   */
  readonly recordEvent: (event: ProductEventInput, madeFor?: number) => Promise<boolean>;
  /**
   * Which person the page is acting for: increases when a switch to another person (advisor mode)
   * starts. An event made for an earlier one (`recordEvent`'s `madeFor`, e.g. a product view
   * recorded when its page is left) is dropped rather than written to the next person.
   */
  readonly generation: number;
  /**
   * Swaps the person (advisor mode): `swap` runs after every write made so far and before every
   * later one, so each lands on the person it was made for; then its person is shown, as
   * `replacePerson` does. Rejects with `swap`'s error, leaving the person as it was.
   */
  readonly switchPerson: (swap: () => Promise<PersonState>) => Promise<void>;
  readonly setDiversity: (diversity: number) => void;
  readonly setShowAboveRisk: (show: boolean) => void;
  /** Asks for recommendations with the current settings; calls made meanwhile coalesce. Never rejects. */
  readonly refresh: () => Promise<void>;
  /** Reads the person saved on this device, without waiting for the models. Never rejects. */
  readonly loadStoredPerson: () => Promise<void>;
  /**
   * True while the person's data is locked with a passphrase not yet given: nothing of theirs can
   * be shown or saved until `unlock`.
   */
  readonly locked: boolean;
  readonly unlockStatus: 'idle' | 'unlocking' | 'error';
  readonly unlockError: SerializedError | null;
  /** Opens passphrase-protected data and shows the person. Never rejects. */
  readonly unlock: (passphrase: string) => Promise<void>;
  /**
   * Takes a person replaced as a whole (import, erase, unlock): shows them and recommends afresh;
   * nothing is locked any more, and writes and a profile save still in flight are no longer shown.
   */
  readonly replacePerson: (person: PersonState) => void;
  /** Resolves once every write made so far has been answered (a data control waits for them). */
  readonly whenWritesSettled: () => Promise<void>;
}

export type PersonStore = StoreApi<PersonStoreState>;

/**
 * The person, their profile and their recommendations. Writes to the engine (profile, events) are
 * sent at once, whether or not the models have loaded, and run one at a time in the order they
 * were made. Recommendations need the loaded engine: once a burst of writes has landed they are
 * refreshed if it is ready, and otherwise once when it becomes ready.
 */
export function createPersonStore(engine: EngineApi & Pick<PersonDataApi, 'unlock'>, engineStore: EngineStore): PersonStore {
  // What the engine last said about the person, the events it has not answered for yet, and the
  // profile being saved (shown instead of the stored one until the engine answers).
  let confirmed: PersonState = EMPTY_PERSON;
  let unconfirmed: ProductEventInput[] = [];
  let savingProfile: ProfileInput | null = null;
  let latestProfileSave = 0;
  // Counts the engine's answers about the person, so that a slower read can tell it was overtaken.
  let answers = 0;
  let writes: Promise<unknown> = Promise.resolve();
  let queuedWrites = 0;
  let adoptedSession = 0;

  const refresh = coalescedTask(fetchOnce);

  const store = createStore<PersonStoreState>()((set, get) => ({
    person: EMPTY_PERSON,
    restored: false,
    profile: null,
    profileStatus: 'idle',
    profileError: null,
    eventError: null,
    recommendations: null,
    aboveRiskIncluded: false,
    revision: 0,
    recommendationsStatus: 'idle',
    refreshing: false,
    recommendationsError: null,
    diversity: DEFAULT_DIVERSITY,
    showAboveRisk: false,
    locked: false,
    unlockStatus: 'idle',
    unlockError: null,
    generation: 0,

    saveProfile(profile) {
      const save = ++latestProfileSave;
      savingProfile = profile;
      publish({ profileStatus: 'saving', profileError: null });
      return enqueueWrite(async () => {
        // Only the latest save decides what is shown; an earlier one still updates `confirmed`.
        const latest = () => save === latestProfileSave;
        try {
          const stored = await engine.setProfile(profile);
          if (latest()) savingProfile = null;
          adopt(stored, latest() ? { profileStatus: 'saved' } : {});
        } catch (error) {
          const serialized = failed(error);
          if (!latest()) return;
          // Show the profile that is stored, not one that is not.
          savingProfile = null;
          publish({ profileStatus: 'error', profileError: serialized });
        }
      });
    },

    recordEvent(event, madeFor) {
      if (madeFor !== undefined && madeFor !== get().generation) return Promise.resolve(false);
      const queued: ProductEventInput = { ...event };
      unconfirmed = [...unconfirmed, queued];
      publish({ eventError: null });
      const settled = () => {
        unconfirmed = unconfirmed.filter((pending) => pending !== queued);
      };
      return enqueueWrite(async () => {
        try {
          const stored = await engine.recordEvent(queued);
          settled();
          adopt(stored);
          return true;
        } catch (error) {
          settled();
          publish({ eventError: failed(error) });
          return false;
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
      const answersBefore = answers;
      try {
        const stored = await engine.storedPerson();
        // An answer that came meanwhile (a write, or the loaded engine) is at least as new as this read.
        if (answers === answersBefore) adopt(stored);
      } catch (error) {
        engineStore.getState().reportFailure(error);
        // Carry on as a new person rather than wait for ever: a save says what is wrong with storage.
        set({ restored: true, locked: toSerializedError(error).code === 'STORAGE_LOCKED' });
      }
    },

    async unlock(passphrase) {
      set({ unlockStatus: 'unlocking', unlockError: null });
      try {
        const person = await engine.unlock(passphrase);
        set({ locked: false, unlockStatus: 'idle' });
        get().replacePerson(person);
      } catch (error) {
        set({ unlockStatus: 'error', unlockError: failed(error) });
      }
    },

    replacePerson(person) {
      unconfirmed = [];
      savingProfile = null;
      // An earlier save still in flight no longer decides what is shown.
      latestProfileSave += 1;
      adopt(person, {
        recommendations: null,
        recommendationsStatus: 'idle',
        recommendationsError: null,
        profileStatus: 'idle',
        profileError: null,
        eventError: null,
        locked: false,
        unlockStatus: 'idle',
        unlockError: null,
      });
      if (engineReady()) void refresh();
    },

    switchPerson(swap) {
      set({ generation: get().generation + 1 });
      return enqueueWrite(async () => {
        get().replacePerson(await swap());
      });
    },

    async whenWritesSettled() {
      await writes;
    },
  }));

  /** Shows the prediction (`confirmed` plus unconfirmed events) and the profile, with any other changes. */
  function publish(changes: Partial<PersonStoreState> = {}): void {
    store.setState({ ...changes, person: applyEvents(confirmed, unconfirmed), profile: savingProfile ?? confirmed.profile });
  }

  /** Takes the engine's answer as the person: it includes what was stored on this device. */
  function adopt(person: PersonState, changes: Partial<PersonStoreState> = {}): void {
    confirmed = person;
    answers += 1;
    publish({ ...changes, restored: true });
  }

  function engineReady(): boolean {
    const engineState = engineStore.getState();
    return engineState.status === 'ready' && engineState.session === adoptedSession;
  }

  function failed(error: unknown): SerializedError {
    engineStore.getState().reportFailure(error);
    const serialized = toSerializedError(error);
    // Another tab locked the data with a passphrase: ask for it here too.
    if (serialized.code === 'STORAGE_LOCKED') store.setState({ locked: true });
    return serialized;
  }

  /**
   * Runs `write` after every earlier write. When the last queued one has landed, refreshes once
   * (not once per event of a burst); a loading engine is refreshed when it becomes ready instead.
   */
  function enqueueWrite<T>(write: () => Promise<T>): Promise<T> {
    queuedWrites += 1;
    const next = writes.then(write).finally(() => {
      queuedWrites -= 1;
      if (queuedWrites === 0 && engineReady()) void refresh();
    });
    // Writes catch their own failures; this only keeps one bug from stopping every later write.
    writes = next.catch(() => undefined);
    return next;
  }

  /** One recommend call; shows its result unless a newer request came in meanwhile. */
  async function fetchOnce(isLatest: () => boolean): Promise<void> {
    if (!engineReady() || !confirmed.profile) {
      store.setState({ refreshing: false });
      return;
    }
    const { recommendations: previous, diversity, showAboveRisk } = store.getState();
    store.setState(previous ? { refreshing: true } : { recommendationsStatus: 'loading', refreshing: true });
    try {
      const recommendations = await engine.recommend({ limit: RECOMMENDATION_LIMIT, diversity, includeAboveRisk: showAboveRisk });
      if (!isLatest()) return;
      store.setState({
        recommendations,
        aboveRiskIncluded: showAboveRisk,
        revision: store.getState().revision + 1,
        recommendationsStatus: 'ready',
        recommendationsError: null,
        refreshing: false,
      });
    } catch (error) {
      const serialized = failed(error);
      if (!isLatest()) return;
      // Without its model nothing is recommended, so a list from an earlier load is not shown either.
      const stale = serialized.code === 'MODEL_UNAVAILABLE' ? { recommendations: null } : {};
      store.setState({ ...stale, recommendationsStatus: 'error', recommendationsError: serialized, refreshing: false });
    }
  }

  /** Each time the engine becomes ready it has restored the person: take them, then recommend. */
  function adoptRestoredPerson(engineState: EngineState): void {
    if (engineState.status !== 'ready' || engineState.session === adoptedSession || !engineState.restoredPerson) return;
    adoptedSession = engineState.session;
    adopt(engineState.restoredPerson);
    // Writes still landing refresh once they have; otherwise show the restored person's list now.
    if (queuedWrites === 0) void refresh();
  }
  engineStore.subscribe(adoptRestoredPerson);
  adoptRestoredPerson(engineStore.getState());

  return store;
}
