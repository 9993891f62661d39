import type { AssetSource } from '../engine/assets/types';
import type { WasmPaths } from '../engine/backend';
import type { Catalog } from '../engine/catalog';
import { EngineError } from '../engine/errors';
import { releaseGnnItemTensors } from '../engine/gnn/session-tfjs';
import { searchCatalog, validatedQuery } from '../engine/rank/catalog-search';
import { goalClauses } from '../engine/rank/goal-match';
import { summarisePerson } from '../engine/rank/person-log';
import { createPersonRecommender, type PersonProfile, type PersonRecommender } from '../engine/rank/person-recommender';
import type { EngineApi, PersonState, ProfileInput, RecordedEvent } from '../protocol/engine-api';
import type { PersonPersistence } from '../storage/person-persistence';
import { loadEngine, type LoadedEngine } from './load-engine';
import { validatedEvent, validatedProfile } from './person-input';
import { storageCall } from './storage-call';

export interface InProcessEngineOptions {
  readonly assets: AssetSource;
  /** URLs of the tfjs WASM binaries on our own origin (browser); Node finds them itself. */
  readonly wasmPaths?: WasmPaths;
  /** The product catalog, already validated (`parseCatalog`). */
  readonly catalog: Catalog;
  /** Where the person's profile, events and the catalog's embeddings are kept. */
  readonly persistence: PersonPersistence;
  /** The current time in Unix milliseconds (tests pass a clock); defaults to `Date.now`. */
  readonly now?: () => number;
}

/** What `init` sets up; replaced as a whole by the next `init`. */
interface Ready {
  readonly loaded: LoadedEngine;
  readonly recommender: PersonRecommender;
}

/** The engine's one copy of the person: what is stored, plus every write since it was read. */
interface Person {
  profile: ProfileInput | null;
  readonly events: RecordedEvent[];
}

function personState(person: Person): PersonState {
  return { profile: person.profile, ...summarisePerson(person.events), eventCount: person.events.length };
}

/**
 * The engine running in the current thread: Node tools and tests use it directly, the worker wraps
 * it. The person's profile and events can be written at any time, also while the models load:
 * writes need no model, so they are checked and stored at once, kept in memory, and `init` takes
 * whatever was written before it finished into the recommender.
 */
export function createInProcessEngine(options: InProcessEngineOptions): EngineApi {
  const { catalog, persistence } = options;
  const now = options.now ?? Date.now;
  const productIds = new Set(catalog.products.map((product) => product.id));
  let ready: Ready | undefined;
  // Read from storage once, on first need; a failed read stays failed, so that writes are never
  // stored behind a log the engine could not read (the error tells the person to reload).
  let person: Promise<Person> | undefined;

  function current(): Ready {
    if (!ready) throw new EngineError('NOT_READY', 'The engine is not ready yet: wait for the model to finish loading.');
    return ready;
  }

  function loadedPerson(): Promise<Person> {
    person ??= storageCall('read your saved data', () => persistence.loadPerson()).then((stored) => ({ profile: stored.profile, events: [...stored.events] }));
    return person;
  }

  function release(): void {
    if (!ready) return;
    ready.recommender.dispose();
    releaseGnnItemTensors(ready.loaded.gnn.model);
    ready.loaded.encoder.dispose();
    ready = undefined;
  }

  /** The profile as the recommender takes it: the goals text embedded whole and clause by clause. */
  async function embedProfile(loaded: LoadedEngine, profile: ProfileInput): Promise<PersonProfile> {
    const clauses = goalClauses(profile.goalsText);
    const [goalsEmbedding, ...clauseEmbeddings] = await loaded.encoder.embed([profile.goalsText, ...clauses]);
    if (!goalsEmbedding) throw new EngineError('INTERNAL', 'The encoder returned no embedding for the goals text.');
    return { riskLevel: profile.riskLevel, horizonYears: profile.horizonYears, age: profile.age, goalsEmbedding, clauseEmbeddings };
  }

  return {
    async init(init, onProgress) {
      release();
      const loaded = await loadEngine(options, init.backend, onProgress ?? (() => undefined));
      const recommender = createPersonRecommender(loaded.gnn.model, catalog.products, loaded.rowOf, loaded.goalPhrases);
      let restored: Person;
      try {
        // Unreadable storage leaves the engine usable with an empty person; `storedPerson` and
        // the writes report the failure.
        restored = await loadedPerson().catch(() => ({ profile: null, events: [] }));
        // A profile saved while its predecessor was being embedded is embedded in turn, so the
        // recommender ends with the latest one.
        let embedded: ProfileInput | null = null;
        while (restored.profile !== null && restored.profile !== embedded) {
          const profile: ProfileInput = restored.profile;
          recommender.setProfile(await embedProfile(loaded, profile));
          embedded = profile;
        }
        // No await from here to `ready`: every write made so far is in `restored`, and every
        // later one sees `ready` and updates the recommender itself.
        recommender.replay(restored.events);
      } catch (error) {
        recommender.dispose();
        releaseGnnItemTensors(loaded.gnn.model);
        loaded.encoder.dispose();
        throw error;
      }
      ready = { loaded, recommender };
      const { encoder, modelBytes, timings } = loaded;
      return { backend: encoder.backend, fallbackReason: encoder.fallbackReason, timings, modelBytes, person: personState(restored) };
    },

    catalog() {
      return Promise.resolve(catalog);
    },

    async storedPerson() {
      // The engine's own copy: what is stored, including writes made before the models loaded.
      return personState(await loadedPerson());
    },

    embed(texts) {
      return current().loaded.encoder.embed(texts);
    },

    async search(query, limit) {
      const text = validatedQuery(query);
      const { loaded } = current();
      const [row] = await loaded.encoder.embed([text]);
      if (!row) throw new EngineError('INTERNAL', 'The encoder returned no embedding for the search.');
      const { hits, weak } = searchCatalog(row, loaded.productRows, limit);
      return { hits: hits.map((hit) => ({ productId: catalog.products[hit.index]?.id ?? '', similarity: hit.similarity })), weak };
    },

    async setProfile(input) {
      const profile = validatedProfile(input);
      const saved = await loadedPerson();
      await storageCall('save your profile', () => persistence.saveProfile(profile));
      saved.profile = profile;
      const state = ready;
      // Before the models are ready, `init` embeds the profile it finds in `saved`.
      if (state) {
        try {
          const embedded = await embedProfile(state.loaded, profile);
          // A later profile, or a re-init (which embeds the latest profile itself), supersedes this one.
          if (ready === state && saved.profile === profile) state.recommender.setProfile(embedded);
        } catch (error) {
          // A re-init closed the encoder under the embedding; the new init has the profile.
          if (ready === state) throw error;
        }
      }
      return personState(saved);
    },

    async recordEvent(input) {
      const event: RecordedEvent = { ...validatedEvent(input, (id) => productIds.has(id)), at: now() };
      const saved = await loadedPerson();
      await storageCall('save what you did', () => persistence.appendEvent(event));
      saved.events.push(event);
      // Before the models are ready, `init` replays the events it finds in `saved`.
      ready?.recommender.replay(saved.events);
      return personState(saved);
    },

    recommend(recommendOptions) {
      return current().recommender.recommend(recommendOptions);
    },

    dispose() {
      release();
      return Promise.resolve();
    },
  };
}
