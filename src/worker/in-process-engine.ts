import type { AssetSource } from '../engine/assets/types';
import type { WasmPaths } from '../engine/backend';
import type { Catalog } from '../engine/catalog';
import { EngineError, isEngineError } from '../engine/errors';
import { releaseGnnItemTensors } from '../engine/gnn/session-tfjs';
import { searchCatalog, validatedQuery } from '../engine/rank/catalog-search';
import { goalClauses } from '../engine/rank/goal-match';
import { summarisePerson } from '../engine/rank/person-log';
import { createPersonRecommender, type PersonProfile, type PersonRecommender } from '../engine/rank/person-recommender';
import {
  isPersonaId,
  type AppEngineApi,
  type ModelName,
  type PersonaId,
  type PersonaSummary,
  type PersonSettings,
  type PersonState,
  type ProfileInput,
  type RecordedEvent,
  type ResourceRecord,
} from '../protocol/engine-api';
import { DEFAULT_SETTINGS, type PersonPersistence, type StoredPerson } from '../storage/person-persistence';
import { InvalidExportError, parsePersonExport, toPersonExport } from '../storage/person-export';
import { loadEngine, type LoadedEngine, type LoadedText } from './load-engine';
import { createPersonaStores } from './persona-stores';
import type { PersonaSeed } from './personas';
import { unknownProducts, validatedEvent, validatedNewPassphrase, validatedProfile, validatedRetentionDays } from './person-input';
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
  /** The requests this context has made, for the network ledger (the worker reads its resource timing); none by default. */
  readonly requests?: () => readonly ResourceRecord[];
  /** The demo personas of advisor mode (the worker passes PERSONAS); none by default. */
  readonly personas?: Partial<Readonly<Record<PersonaId, PersonaSeed>>>;
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
  /** A new recommender on the same models, for a person replaced as a whole (import, erase, unlock, a switch). */
  readonly createRecommender: () => PersonRecommender;
}

/** The engine's one copy of the person: what is stored, plus every write since it was read. */
interface Person {
  profile: ProfileInput | null;
  events: RecordedEvent[];
  settings: PersonSettings;
}

const DAY_MS = 86_400_000;

/** The first moment whose events `settings` keeps, or undefined when it keeps them all. */
function retentionCutoff(settings: PersonSettings, now: number): number | undefined {
  return settings.retentionDays === null ? undefined : now - settings.retentionDays * DAY_MS;
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
export function createInProcessEngine(options: InProcessEngineOptions): AppEngineApi {
  const { catalog, persistence } = options;
  const now = options.now ?? Date.now;
  const productIds = new Set(catalog.products.map((product) => product.id));
  let ready: Ready | undefined;
  // Read from storage once, on first need; a failed read stays failed, so that writes are never
  // stored behind a log the engine could not read (the error tells the person to reload).
  let person: Promise<Person> | undefined;
  // The person object `person` resolved to, once read or replaced: lets `init` see that the person
  // was replaced (import, erase, unlock, a switch) while it was embedding their profile.
  let held: Person | undefined;
  // The recommendation being computed, if any: a replaced recommender is freed only after it.
  let recommending: Promise<unknown> = Promise.resolve();
  const personaStores = createPersonaStores(options.personas ?? {}, now);
  // The persona the engine works on, with its in-memory store; undefined while it works on the owner.
  let activePersona: { readonly id: PersonaId; readonly store: PersonPersistence } | undefined;

  /** Where the person the engine works on is stored: the owner's storage, or the active persona's memory. */
  function activeStore(): PersonPersistence {
    return activePersona?.store ?? persistence;
  }

  /** ADVISOR_MODE while a persona is active: the data controls act on the owner's stored data only. */
  function ownerOnly(action: string): void {
    if (activePersona) {
      throw new EngineError('ADVISOR_MODE', `Cannot ${action} while the demo persona "${activePersona.id}" is active: switch back to your own data first.`);
    }
  }

  /** `id` as a persona this engine has, or INVALID_INPUT. */
  function knownPersona(id: unknown): PersonaId {
    if (!isPersonaId(id) || !personaStores.ids.includes(id)) throw new EngineError('INVALID_INPUT', `There is no demo persona "${String(id)}".`);
    return id;
  }

  /**
   * Makes the person kept in `store` the engine's person, and `persona` the active persona
   * (undefined: the owner), all or nothing.
   */
  async function switchTo(store: PersonPersistence, persona: { readonly id: PersonaId; readonly store: PersonPersistence } | undefined): Promise<PersonState> {
    return adoptPerson(await readPerson(store), () => {
      activePersona = persona;
    });
  }

  function current(): Ready {
    if (!ready) throw new EngineError('NOT_READY', 'The engine is not ready yet: wait for the model to finish loading.');
    return ready;
  }

  /** The stored person, less the events older than their retention period (deleted from storage too). */
  async function readPerson(store: PersonPersistence = activeStore()): Promise<Person> {
    const stored = await storageCall('read your saved data', () => store.loadPerson());
    const cutoff = retentionCutoff(stored.settings, now());
    const kept = cutoff === undefined ? stored.events : stored.events.filter((event) => event.at >= cutoff);
    if (cutoff !== undefined && kept.length < stored.events.length) {
      await storageCall('delete your old events', () => store.deleteEventsBefore(cutoff));
    }
    return { profile: stored.profile, events: [...kept], settings: stored.settings };
  }

  function loadedPerson(): Promise<Person> {
    if (person) return person;
    const reading: Promise<Person> = readPerson().then((read) => {
      if (person === reading) held = read;
      return read;
    });
    person = reading;
    // Locked data is read again once the passphrase is given; other failures stay.
    reading.catch((error: unknown) => {
      if (person === reading && isEngineError(error) && error.code === 'STORAGE_LOCKED') person = undefined;
    });
    return reading;
  }

  /** A new recommender on `forYou`'s models with `next`'s profile and whole log. */
  async function recommenderFor(forYou: ForYou, next: Person): Promise<PersonRecommender> {
    const recommender = forYou.createRecommender();
    try {
      if (next.profile) recommender.setProfile(await embedProfile(forYou.text, next.profile));
      recommender.replay(next.events);
      return recommender;
    } catch (error) {
      recommender.dispose();
      throw error;
    }
  }

  /**
   * Makes `next` the engine's person, replacing the one it had (import, erase, unlock, a switch
   * to or from a persona): a new recommender takes its profile and whole log. All or nothing: the
   * recommender is built first, and only then are the person, the recommender and whatever
   * `commit` sets changed together, with no await between; a failure changes nothing. The request
   * dispatcher runs these calls in the writes' queue, so no write runs meanwhile; a recommendation
   * already running finishes on the old recommender, which is freed after it. While `init` runs,
   * it sees the change and starts over on `next`.
   */
  async function adoptPerson(next: Person, commit: () => void = () => undefined): Promise<PersonState> {
    for (;;) {
      const state = ready;
      const recommender = state?.forYou && (await recommenderFor(state.forYou, next));
      // A re-init finished meanwhile: build again, on its models.
      if (ready !== state) {
        recommender?.dispose();
        continue;
      }
      person = Promise.resolve(next);
      held = next;
      commit();
      if (state?.forYou && recommender) {
        const replaced = state.forYou.recommender;
        void recommending.then(() => replaced.dispose());
        ready = { loaded: state.loaded, forYou: { ...state.forYou, recommender } };
      }
      return personState(next);
    }
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
      const createRecommender = text && model && (() => createPersonRecommender(model.gnn.model, catalog.products, model.rowOf, text.goalPhrases));
      let recommender = createRecommender?.();
      let restored: Person;
      try {
        for (;;) {
          // Unreadable storage leaves the engine usable with an empty person; `storedPerson` and
          // the writes report the failure.
          restored = await loadedPerson().catch((): Person => ({ profile: null, events: [], settings: DEFAULT_SETTINGS }));
          if (recommender && text) {
            // A profile saved while its predecessor was being embedded is embedded in turn, so the
            // recommender ends with the latest one.
            let embedded: ProfileInput | null = null;
            while (restored.profile !== null && restored.profile !== embedded) {
              const profile: ProfileInput = restored.profile;
              recommender.setProfile(await embedProfile(text, profile));
              embedded = profile;
            }
          }
          // The person was replaced meanwhile (import, erase, unlock, a switch): start again on the new one.
          if (held === undefined || held === restored) break;
          recommender?.dispose();
          recommender = createRecommender?.();
        }
        // No await from here to `ready`: every write made so far is in `restored`, and every
        // later one sees `ready` and updates the recommender itself.
        recommender?.replay(restored.events);
      } catch (error) {
        recommender?.dispose();
        releaseModels(loaded, undefined);
        throw error;
      }
      const forYou = text && recommender && createRecommender && { recommender, text, createRecommender };
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
      const store = activeStore();
      const saved = await loadedPerson();
      await storageCall('save your profile', () => store.saveProfile(profile));
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
      const store = activeStore();
      const saved = await loadedPerson();
      await storageCall('save what you did', () => store.appendEvent(event));
      saved.events.push(event);
      // Before the models are ready, `init` replays the events it finds in `saved`.
      ready?.forYou?.recommender.replay(saved.events);
      return personState(saved);
    },

    async recommend(recommendOptions) {
      const { forYou } = current();
      if (!forYou) throw unavailableError('Recommendations are unavailable.', ['encoder', 'recommender']);
      const running = forYou.recommender.recommend(recommendOptions);
      recommending = running.catch(() => undefined);
      return running;
    },

    dispose() {
      release();
      return Promise.resolve();
    },

    async storageStatus() {
      return storageCall('check your saved data', () => persistence.keyStatus());
    },

    async unlock(passphrase) {
      ownerOnly('open your saved data');
      if (typeof passphrase !== 'string' || passphrase === '') throw new EngineError('INVALID_INPUT', 'Enter your passphrase.');
      await storageCall('open your saved data', () => persistence.unlock(passphrase));
      person = undefined;
      return adoptPerson(await loadedPerson());
    },

    async setPassphrase(passphrase) {
      ownerOnly('change how your data is protected');
      const next = validatedNewPassphrase(passphrase);
      await storageCall('re-encrypt your saved data', () => persistence.setPassphrase(next));
      return storageCall('check your saved data', () => persistence.keyStatus());
    },

    async storedData() {
      ownerOnly('show your stored data');
      // What storage holds, read and decrypted afresh, not the engine's copy of it.
      const stored: StoredPerson = await storageCall('read your saved data', () => persistence.loadPerson());
      const [status, stores] = await Promise.all([
        storageCall('check your saved data', () => persistence.keyStatus()),
        storageCall('measure your saved data', () => persistence.footprint()),
      ]);
      return { protection: status.protection, ...stored, stores };
    },

    async exportData() {
      ownerOnly('export your data');
      // What storage holds, not the engine's copy: another tab may have changed it.
      const stored = await storageCall('read your saved data', () => persistence.loadPerson());
      return toPersonExport(stored, new Date(now()));
    },

    async importData(json) {
      ownerOnly('import data');
      if (typeof json !== 'string') throw new EngineError('INVALID_INPUT', 'Choose an export file made by this app.');
      let imported: StoredPerson;
      try {
        imported = parsePersonExport(json);
      } catch (error) {
        if (error instanceof InvalidExportError) throw new EngineError('INVALID_INPUT', error.message, { cause: error });
        throw error;
      }
      const unknown = unknownProducts(imported.events, (id) => productIds.has(id));
      if (unknown.length > 0) {
        const named = unknown.slice(0, 3).join(', ') + (unknown.length > 3 ? ` and ${unknown.length - 3} more` : '');
        throw new EngineError('INVALID_INPUT', `The file mentions products this catalog does not have (${named}). It was made for another catalog; nothing was imported.`);
      }
      const cutoff = retentionCutoff(imported.settings, now());
      const events = cutoff === undefined ? [...imported.events] : imported.events.filter((event) => event.at >= cutoff);
      const next: Person = { profile: imported.profile, events, settings: imported.settings };
      await storageCall('import your data', () => persistence.replacePerson(next));
      return adoptPerson(next);
    },

    async setRetention(input) {
      ownerOnly('change how long your events are kept');
      const settings: PersonSettings = { retentionDays: validatedRetentionDays(input) };
      const saved = await loadedPerson();
      await storageCall('save your settings', () => persistence.saveSettings(settings));
      saved.settings = settings;
      const cutoff = retentionCutoff(settings, now());
      const deleted = cutoff === undefined ? 0 : await storageCall('delete your old events', () => persistence.deleteEventsBefore(cutoff));
      if (cutoff !== undefined) saved.events = saved.events.filter((event) => event.at >= cutoff);
      // The recommender replays a log that shrank from the start.
      ready?.forYou?.recommender.replay(saved.events);
      return { person: personState(saved), settings, deleted };
    },

    async eraseAll() {
      ownerOnly('erase your data');
      // Forgotten here first, so that nothing of the person stays in the engine even when the
      // browser cannot delete the databases yet (another tab holds them open).
      const state = await adoptPerson({ profile: null, events: [], settings: DEFAULT_SETTINGS });
      await storageCall('erase your data', () => persistence.erase());
      return state;
    },

    workerRequests() {
      return Promise.resolve(options.requests?.() ?? []);
    },

    async personas() {
      const summaries: PersonaSummary[] = [];
      for (const id of personaStores.ids) {
        summaries.push({ id, person: personState(await readPerson(await personaStores.store(id))) });
      }
      return summaries;
    },

    async switchPerson(target) {
      if (target.kind === 'owner') return switchTo(persistence, undefined);
      // Checked here too: the target crossed the worker boundary as plain data.
      const id = knownPersona(target.id);
      const store = await personaStores.store(id);
      return switchTo(store, { id, store });
    },

    async resetPersona(id) {
      const persona = knownPersona(id);
      const store = await personaStores.seed(persona);
      if (activePersona?.id !== persona) {
        personaStores.replace(persona, store);
        return personState(await readPerson(store));
      }
      return adoptPerson(await readPerson(store), () => {
        personaStores.replace(persona, store);
        activePersona = { id: persona, store };
      });
    },

    async recommendFor(id, recommendOptions) {
      const { forYou } = current();
      if (!forYou) throw unavailableError('Recommendations are unavailable.', ['encoder', 'recommender']);
      const persona = await readPerson(await personaStores.store(knownPersona(id)));
      if (!persona.profile) throw new EngineError('NOT_READY', `The demo persona "${id}" has no profile.`);
      // A recommender of its own, so that the active person's is left as it is.
      const recommender = forYou.createRecommender();
      try {
        recommender.setProfile(await embedProfile(forYou.text, persona.profile));
        recommender.replay(persona.events);
        return await recommender.recommend(recommendOptions);
      } finally {
        recommender.dispose();
      }
    },
  };
}
