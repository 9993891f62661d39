/**
 * Where the personas' data lives while the worker runs: one in-memory store per persona, filled
 * from its seed on first use. Nothing here touches the owner's storage, so a persona's writes can
 * never mix with the owner's, and a reload starts every persona afresh.
 */
import { PERSONA_IDS, type PersonaId, type RecordedEvent } from '../protocol/engine-api';
import { createMemoryPersistence } from '../storage/memory-persistence';
import type { PersonPersistence } from '../storage/person-persistence';
import type { PersonaSeed } from './personas';

const DAY_MS = 86_400_000;

export interface PersonaStores {
  /** The personas there are seeds for, in `PERSONA_IDS` order. */
  readonly ids: readonly PersonaId[];
  /** The persona's store, seeded on first use (`id` must be one of `ids`). */
  store(id: PersonaId): Promise<PersonPersistence>;
  /** A freshly seeded store for the persona, not yet its store (see `replace`). */
  seed(id: PersonaId): Promise<PersonPersistence>;
  /** Makes `store` the persona's store (a reset, once the engine has taken it). */
  replace(id: PersonaId, store: PersonPersistence): void;
}

export function createPersonaStores(seeds: Partial<Readonly<Record<PersonaId, PersonaSeed>>>, now: () => number): PersonaStores {
  // Promises, set at once, so that two first uses at the same time get the same store.
  const stores = new Map<PersonaId, Promise<PersonPersistence>>();

  async function seeded(id: PersonaId): Promise<PersonPersistence> {
    const seed = seeds[id];
    if (!seed) throw new Error(`No seed for the persona "${id}".`);
    const store = createMemoryPersistence();
    await store.saveProfile(seed.profile);
    const loadedAt = now();
    for (const { productId, kind, daysAgo } of seed.events) {
      const event: RecordedEvent = { productId, kind, at: loadedAt - daysAgo * DAY_MS };
      await store.appendEvent(event);
    }
    return store;
  }

  return {
    ids: PERSONA_IDS.filter((id) => seeds[id] !== undefined),
    store(id) {
      const existing = stores.get(id);
      if (existing) return existing;
      const created = seeded(id);
      stores.set(id, created);
      // A seed that failed is tried again on the next use.
      created.catch(() => {
        if (stores.get(id) === created) stores.delete(id);
      });
      return created;
    },
    seed(id) {
      return seeded(id);
    },
    replace(id, store) {
      stores.set(id, Promise.resolve(store));
    },
  };
}
