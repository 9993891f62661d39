import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AdvisorApi, PersonaId, PersonaSummary, PersonTarget, Recommendations, SerializedError } from '../protocol/engine-api';
import { toSerializedError } from '../protocol/engine-call-error';
import { DEFAULT_DIVERSITY, RECOMMENDATION_LIMIT, type PersonStore } from './person-store';

/** Two personas' For-you lists side by side. */
export interface PersonaComparison {
  readonly personas: readonly [PersonaId, PersonaId];
  readonly status: 'loading' | 'ready' | 'error';
  readonly lists: readonly [Recommendations, Recommendations] | null;
  readonly error: SerializedError | null;
}

export interface AdvisorState {
  /** Whose data every page shows and every action writes to. */
  readonly active: PersonTarget;
  /** The personas as they are now; null until read. */
  readonly personas: readonly PersonaSummary[] | null;
  /** The switch or reset under way, if any. */
  readonly working: { readonly action: 'switch' | 'reset'; readonly target: PersonTarget } | null;
  /** The last failure, and what was being done. */
  readonly error: { readonly action: 'list' | 'switch' | 'reset'; readonly error: SerializedError } | null;
  readonly comparison: PersonaComparison | null;

  /** Reads the personas again. Never rejects. */
  readonly loadPersonas: () => Promise<void>;
  /** Makes `target` the person of every page, after the writes already made and before later ones. Never rejects. */
  readonly switchTo: (target: PersonTarget) => Promise<void>;
  /** Puts a persona back to its starting data. Never rejects. */
  readonly reset: (id: PersonaId) => Promise<void>;
  /** Computes two personas' lists side by side. Never rejects. */
  readonly compare: (left: PersonaId, right: PersonaId) => Promise<void>;
}

export type AdvisorStore = StoreApi<AdvisorState>;

const OWNER: PersonTarget = { kind: 'owner' };

/**
 * Advisor mode's state: which person is active (the owner, or one of the demo personas the engine
 * keeps in memory), the personas, and a side-by-side comparison. A switch goes through the person
 * store's queue of writes, so each write lands on the person it was made for, and the new person
 * is shown on every page at once.
 */
export function createAdvisorStore(engine: AdvisorApi, personStore: PersonStore): AdvisorStore {
  let latestComparison = 0;
  const store = createStore<AdvisorState>()((set, get) => ({
    active: OWNER,
    personas: null,
    working: null,
    error: null,
    comparison: null,

    async loadPersonas() {
      try {
        set({ personas: await engine.personas() });
      } catch (error) {
        set({ error: { action: 'list', error: toSerializedError(error) } });
      }
    },

    async switchTo(target) {
      // A comparison made before may no longer match what the personas have done.
      set({ working: { action: 'switch', target }, error: null, comparison: null });
      try {
        await personStore.getState().switchPerson(async () => {
          const person = await engine.switchPerson(target);
          set({ active: target });
          return person;
        });
      } catch (error) {
        // The engine switches all or nothing: the person is still the one it was.
        set({ error: { action: 'switch', error: toSerializedError(error) } });
      } finally {
        set({ working: null });
      }
      await get().loadPersonas();
    },

    async reset(id) {
      const target: PersonTarget = { kind: 'persona', id };
      set({ working: { action: 'reset', target }, error: null, comparison: null });
      const { active } = get();
      try {
        // Resetting the active persona replaces the person of every page, as a switch does.
        if (active.kind === 'persona' && active.id === id) await personStore.getState().switchPerson(() => engine.resetPersona(id));
        else await engine.resetPersona(id);
      } catch (error) {
        set({ error: { action: 'reset', error: toSerializedError(error) } });
      } finally {
        set({ working: null });
      }
      await get().loadPersonas();
    },

    async compare(left, right) {
      const comparison = (latestComparison += 1);
      set({ comparison: { personas: [left, right], status: 'loading', lists: null, error: null } });
      const options = { limit: RECOMMENDATION_LIMIT, diversity: DEFAULT_DIVERSITY, includeAboveRisk: false };
      try {
        const lists = await Promise.all([engine.recommendFor(left, options), engine.recommendFor(right, options)]);
        if (comparison === latestComparison) set({ comparison: { personas: [left, right], status: 'ready', lists, error: null } });
      } catch (error) {
        if (comparison === latestComparison) {
          set({ comparison: { personas: [left, right], status: 'error', lists: null, error: toSerializedError(error) } });
        }
      }
    },
  }));
  return store;
}
