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
  profile: ProfileInput | null;
  events: RecordedEvent[];
}

/** The engine running in the current thread: Node tools and tests use it directly, the worker wraps it. */
export function createInProcessEngine(options: InProcessEngineOptions): EngineApi {
  const { catalog, persistence } = options;
  const now = options.now ?? Date.now;
  const productIds = new Set(catalog.products.map((product) => product.id));
  let ready: Ready | undefined;

  function current(): Ready {
    if (!ready) throw new EngineError('NOT_READY', 'The engine is not ready yet: wait for the model to finish loading.');
    return ready;
  }

  function release(): void {
    if (!ready) return;
    ready.recommender.dispose();
    releaseGnnItemTensors(ready.loaded.gnn.model);
    ready.loaded.encoder.dispose();
    ready = undefined;
  }

  function personState(state: Ready): PersonState {
    return { profile: state.profile, ...summarisePerson(state.events), eventCount: state.events.length };
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
      try {
        const stored = await storageCall('read your saved data', () => persistence.loadPerson());
        if (stored.profile) recommender.setProfile(await embedProfile(loaded, stored.profile));
        recommender.replay(stored.events);
        ready = { loaded, recommender, profile: stored.profile, events: [...stored.events] };
      } catch (error) {
        recommender.dispose();
        releaseGnnItemTensors(loaded.gnn.model);
        loaded.encoder.dispose();
        throw error;
      }
      const { encoder, modelBytes, timings } = loaded;
      return { backend: encoder.backend, fallbackReason: encoder.fallbackReason, timings, modelBytes, person: personState(ready) };
    },

    catalog() {
      return Promise.resolve(catalog);
    },

    async storedPerson() {
      // Once loaded, the engine's own copy is current (it includes events still being written).
      if (ready) return personState(ready);
      const stored = await storageCall('read your saved data', () => persistence.loadPerson());
      return { profile: stored.profile, ...summarisePerson(stored.events), eventCount: stored.events.length };
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
      const state = current();
      const embedded = await embedProfile(state.loaded, profile);
      await storageCall('save your profile', () => persistence.saveProfile(profile));
      state.profile = profile;
      state.recommender.setProfile(embedded);
      return personState(state);
    },

    async recordEvent(input) {
      const event: RecordedEvent = { ...validatedEvent(input, (id) => productIds.has(id)), at: now() };
      const state = current();
      await storageCall('save what you did', () => persistence.appendEvent(event));
      state.events.push(event);
      state.recommender.replay(state.events);
      return personState(state);
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
