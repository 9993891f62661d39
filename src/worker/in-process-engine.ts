import type { AssetSource } from '../engine/assets/types';
import type { WasmPaths } from '../engine/backend';
import type { Catalog } from '../engine/catalog';
import { EngineError } from '../engine/errors';
import { releaseGnnItemTensors } from '../engine/gnn/session-tfjs';
import { searchCatalog, validatedQuery } from '../engine/rank/catalog-search';
import { goalClauses } from '../engine/rank/goal-match';
import { summarisePerson } from '../engine/rank/person-log';
import { createPersonRecommender, type PersonProfile, type PersonRecommender } from '../engine/rank/person-recommender';
import type { EngineApi, ModelName, PersonState, ProfileInput, RecordedEvent } from '../protocol/engine-api';
import type { PersonPersistence } from '../storage/person-persistence';
import { loadEngine, type LoadedEngine, type LoadedText } from './load-engine';
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
  /** The For-you model and the encoder that embeds the person's goals for it; absent when either model is unavailable. */
  readonly forYou: ForYou | undefined;
}

interface ForYou {
  readonly recommender: PersonRecommender;
  readonly text: LoadedText;
}

/** The engine's one copy of the person: what is stored, plus every write since it was read. */
interface Person {
  profile: ProfileInput | null;
  readonly events: RecordedEvent[];
}

function personState(person: Person): PersonState {
  return { profile: person.profile, ...summarisePerson(person.events), eventCount: person.events.length };
}

function releaseModels(loaded: LoadedEngine, forYou: ForYou | undefined): void {
  forYou?.recommender.dispose();
  if (loaded.recommender) releaseGnnItemTensors(loaded.recommender.gnn.model);
  loaded.text?.encoder.dispose();
}

/** The profile as the recommender takes it: the goals text embedded whole and clause by clause. */
async function embedProfile(text: LoadedText, profile: ProfileInput): Promise<PersonProfile> {
  const clauses = goalClauses(profile.goalsText);
  const [goalsEmbedding, ...clauseEmbeddings] = await text.encoder.embed([profile.goalsText, ...clauses]);
  if (!goalsEmbedding) throw new EngineError('INTERNAL', 'The encoder returned no embedding for the goals text.');
  return { riskLevel: profile.riskLevel, horizonYears: profile.horizonYears, age: profile.age, goalsEmbedding, clauseEmbeddings };
}

/**
 * The engine running in the current thread: Node tools and tests use it directly, the worker wraps
 * it. The person's profile and events can be written at any time, also while the models load:
 * writes need no model, so they are checked and stored at once, kept in memory, and `init` takes
 * whatever was written before it finished into the recommender. A model that `init` could not load
 * stops only the calls that need it (MODEL_UNAVAILABLE, with the model's reason); the writes are
 * still stored.
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
    releaseModels(ready.loaded, ready.forYou);
    ready = undefined;
  }

  /** MODEL_UNAVAILABLE for `feature`, followed by why each model it `needs` that failed is unavailable. */
  function unavailableError(feature: string, needs: readonly ModelName[]): EngineError {
    const reasons = current().loaded.unavailable.filter((entry) => needs.includes(entry.model)).map((entry) => entry.error.message);
    return new EngineError('MODEL_UNAVAILABLE', [feature, ...reasons].join(' '));
  }

  /** The encoder and the catalog's embeddings, or MODEL_UNAVAILABLE for `feature`. */
  function loadedText(feature: string): LoadedText {
    const { text } = current().loaded;
    if (!text) throw unavailableError(feature, ['encoder']);
    return text;
  }

  return {
    async init(init, onProgress) {
      release();
      const loaded = await loadEngine(options, init.backend, onProgress ?? (() => undefined));
      const { text, recommender: model } = loaded;
      const forYou = text && model && { recommender: createPersonRecommender(model.gnn.model, catalog.products, model.rowOf, text.goalPhrases), text };
      let restored: Person;
      try {
        // Unreadable storage leaves the engine usable with an empty person; `storedPerson` and
        // the writes report the failure.
        restored = await loadedPerson().catch(() => ({ profile: null, events: [] }));
        if (forYou) {
          // A profile saved while its predecessor was being embedded is embedded in turn, so the
          // recommender ends with the latest one.
          let embedded: ProfileInput | null = null;
          while (restored.profile !== null && restored.profile !== embedded) {
            const profile: ProfileInput = restored.profile;
            forYou.recommender.setProfile(await embedProfile(forYou.text, profile));
            embedded = profile;
          }
          // No await from here to `ready`: every write made so far is in `restored`, and every
          // later one sees `ready` and updates the recommender itself.
          forYou.recommender.replay(restored.events);
        }
      } catch (error) {
        releaseModels(loaded, forYou);
        throw error;
      }
      ready = { loaded, forYou };
      const { backend, modelBytes, timings, unavailable } = loaded;
      return { backend: backend.name, fallbackReason: backend.fallbackReason, timings, modelBytes, person: personState(restored), unavailable };
    },

    catalog() {
      return Promise.resolve(catalog);
    },

    async storedPerson() {
      // The engine's own copy: what is stored, including writes made before the models loaded.
      return personState(await loadedPerson());
    },

    async embed(texts) {
      return loadedText('Text embedding is unavailable.').encoder.embed(texts);
    },

    async search(query, limit) {
      const valid = validatedQuery(query);
      const text = loadedText('Search is unavailable.');
      const [row] = await text.encoder.embed([valid]);
      if (!row) throw new EngineError('INTERNAL', 'The encoder returned no embedding for the search.');
      const { hits, weak } = searchCatalog(row, text.productRows, limit);
      return { hits: hits.map((hit) => ({ productId: catalog.products[hit.index]?.id ?? '', similarity: hit.similarity })), weak };
    },

    async setProfile(input) {
      const profile = validatedProfile(input);
      const saved = await loadedPerson();
      await storageCall('save your profile', () => persistence.saveProfile(profile));
      saved.profile = profile;
      const state = ready;
      // Before the models are ready, `init` embeds the profile it finds in `saved`; without the
      // For-you model there is nothing to embed it for, and storing it was the whole job.
      if (state?.forYou) {
        const { forYou } = state;
        try {
          const embedded = await embedProfile(forYou.text, profile);
          // A later profile, or a re-init (which embeds the latest profile itself), supersedes this one.
          if (ready === state && saved.profile === profile) forYou.recommender.setProfile(embedded);
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
      ready?.forYou?.recommender.replay(saved.events);
      return personState(saved);
    },

    async recommend(recommendOptions) {
      const { forYou } = current();
      if (!forYou) throw unavailableError('Recommendations are unavailable.', ['encoder', 'recommender']);
      return forYou.recommender.recommend(recommendOptions);
    },

    dispose() {
      release();
      return Promise.resolve();
    },
  };
}
