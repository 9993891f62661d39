import type { BackendName, BackendPreference } from '../engine/backend/types';
import type { Catalog, GoalTag, Product, ProductCategory, RiskLevel } from '../engine/catalog';
import type { EncoderLoadStage } from '../engine/encoder';
import type { EngineErrorCode } from '../engine/errors';
import type { Recommendation, RecommendOptions } from '../engine/rank/person-recommender';
import type { RecommendationReason } from '../engine/rank/recommendation-reasons';

export type { BackendName, BackendPreference, Catalog, GoalTag, Product, ProductCategory, Recommendation, RecommendationReason, RecommendOptions, RiskLevel };

/**
 * The stages of getting the engine ready, in order: the encoder's (backend, download, tokenizer,
 * warmup), then the recommendation model's download (`recommender`) and the on-device encoding of
 * the catalog's descriptions (`catalog`, skipped when a cached encoding of the same catalog by the
 * same encoder is found).
 */
export type LoadStage = EncoderLoadStage | 'recommender' | 'catalog';

/** One progress report while the engine gets ready. */
export interface LoadProgress {
  readonly stage: LoadStage;
  /** Model bytes read so far, encoder and recommender together. */
  readonly loadedBytes: number;
  /** All model bytes, encoder and recommender together (0 until known). */
  readonly totalBytes: number;
  /** The file being read, while downloading. */
  readonly file?: string;
  /** During `catalog`: products encoded so far, of `productCount`. */
  readonly encodedProducts?: number;
  readonly productCount?: number;
}

export interface StageTiming {
  readonly stage: LoadStage;
  readonly ms: number;
}

export interface EngineInitOptions {
  readonly backend: BackendPreference;
}

/** The two models `init` loads: the sentence encoder and the GNN that recommends. */
export type ModelName = 'encoder' | 'recommender';

/** A model that `init` could not load; what needs it rejects with MODEL_UNAVAILABLE. */
export interface UnavailableModel {
  readonly model: ModelName;
  /** INTEGRITY_FAILED (a file does not match its manifest) or MODEL_LOAD_FAILED, with a message naming the model and the file. */
  readonly error: SerializedError;
}

export interface EngineInitResult {
  /** The backend that actually runs, which may differ from the one asked for. */
  readonly backend: BackendName;
  /** Why a faster backend was not used, when `auto` fell back. */
  readonly fallbackReason?: string;
  readonly timings: readonly StageTiming[];
  /** Bytes of every model file, encoder and recommender together. */
  readonly modelBytes: number;
  /** The person's state as restored from this device's storage (empty for a new person). */
  readonly person: PersonState;
  /**
   * The models whose files failed to load or verify; empty when all is well. Without the
   * recommender, `recommend` rejects with MODEL_UNAVAILABLE and everything else works. Without the
   * encoder, `embed`, `search` and `recommend` reject with MODEL_UNAVAILABLE (the recommender needs
   * the goals' embedding); the catalog, the stored person and the writes still work.
   */
  readonly unavailable: readonly UnavailableModel[];
}

/** A failure as it crosses the worker boundary: a stable code and a message for people. */
export interface SerializedError {
  readonly code: EngineErrorCode | 'WORKER_FAILED';
  readonly message: string;
}

/** The ages the engine takes (`ProfileInput.age`), in years. */
export const AGE_MIN = 18;
export const AGE_MAX = 120;

/** The longest goals text (`ProfileInput.goalsText`) the engine takes, in characters. */
export const MAX_GOALS_TEXT_LENGTH = 500;

/** The longest search query (`EngineApi.search`) the engine takes, in characters. */
export const MAX_SEARCH_QUERY_LENGTH = 300;

/** What a person says about themselves; set after the questionnaire, editable later. */
export interface ProfileInput {
  /** Their risk level R1–R5 (the questionnaire's result). */
  readonly riskLevel: RiskLevel;
  /** How many years until they need the money, 0–50. */
  readonly horizonYears: number;
  /** Age in years, 18–120. */
  readonly age: number;
  /** Their goals in their own words (1–500 characters); encoded on the device, never sent. */
  readonly goalsText: string;
  /** The questionnaire's answers (question id → option id), kept so that the form can be edited later. */
  readonly answers: Readonly<Record<string, string>>;
}

/**
 * What a person can do with a product. `compare` counts as a click for the model, `apply` (a
 * simulated application) as a purchase, `not_interested` as a dismissal; `unfavourite` takes a
 * favourite back.
 */
export type ProductEventKind = 'view' | 'click' | 'favourite' | 'unfavourite' | 'compare' | 'apply' | 'not_interested';

export const PRODUCT_EVENT_KINDS: readonly ProductEventKind[] = ['view', 'click', 'favourite', 'unfavourite', 'compare', 'apply', 'not_interested'];

export interface ProductEventInput {
  readonly productId: string;
  readonly kind: ProductEventKind;
  /** `view` only: how long the product page was open, in milliseconds. */
  readonly dwellMs?: number;
}

/** An event as stored on the device: the input plus when it happened. */
export interface RecordedEvent extends ProductEventInput {
  /** Unix time in milliseconds, stamped by the engine. */
  readonly at: number;
}

/** The person as the engine knows them; everything here is stored on this device only. */
export interface PersonState {
  readonly profile: ProfileInput | null;
  /** Product ids, in the order they were first favourited (unfavourited ones removed). */
  readonly favourites: readonly string[];
  /** Products marked "not interested" (never recommended again). */
  readonly dismissed: readonly string[];
  /** Products added to the comparison, in order. */
  readonly compared: readonly string[];
  /** Products applied for (simulated). */
  readonly applied: readonly string[];
  /** How many events are stored. */
  readonly eventCount: number;
}


/** How the person's data on this device is encrypted: a random key kept by this browser, or a key derived from their passphrase. */
export type KeyProtection = 'device' | 'passphrase';

/** The person's settings, stored (encrypted) with their data. */
export interface PersonSettings {
  /** Events older than this many days are deleted; null keeps every event. */
  readonly retentionDays: number | null;
}

/** The retention periods the engine takes, in days (`PersonSettings.retentionDays`). */
export const RETENTION_DAYS_MIN = 1;
export const RETENTION_DAYS_MAX = 3650;

/** The shortest passphrase `setPassphrase` takes, in characters. */
export const MIN_PASSPHRASE_LENGTH = 8;

/** One store of the person's database as it sits on the disk. */
export interface StoreFootprint {
  readonly store: string;
  readonly records: number;
  /** Bytes as stored (ciphertext for encrypted stores). */
  readonly bytes: number;
  readonly encrypted: boolean;
}

/** Where this device's storage stands: readable now, and how it is protected. */
export interface StorageStatus {
  readonly protection: KeyProtection;
  /** True until the passphrase is given (`unlock`); the person cannot be read or written meanwhile. */
  readonly locked: boolean;
}

/** Everything stored about the person, decrypted, with what it takes on the disk. */
export interface StoredDataReport {
  readonly protection: KeyProtection;
  readonly profile: ProfileInput | null;
  /** Every stored event, oldest first. */
  readonly events: readonly RecordedEvent[];
  readonly settings: PersonSettings;
  readonly stores: readonly StoreFootprint[];
}

/** The export file's `format` field; the file layout is documented in docs/person-export-format.md. */
export const PERSON_EXPORT_FORMAT = 'private-finance-recommender/person-export';

/** The export file: the person's data, decrypted, as one JSON document. */
export interface PersonExport {
  readonly format: typeof PERSON_EXPORT_FORMAT;
  readonly version: 1;
  /** When it was exported, ISO 8601. */
  readonly exportedAt: string;
  readonly profile: ProfileInput | null;
  /** Oldest first. */
  readonly events: readonly RecordedEvent[];
  readonly settings: PersonSettings;
}

/** The most bytes `importData` takes (far above any real export: 100,000 events are about 8 MB). */
export const MAX_IMPORT_BYTES = 20_000_000;

/** One network request a worker made, from its resource timing (the page reads its own). */
export interface ResourceRecord {
  readonly url: string;
  /** The resource timing's `initiatorType` (fetch, script, link, img, beacon, …). */
  readonly initiator: string;
  /** Bytes received over the network (0 when served from the HTTP cache). */
  readonly transferBytes: number;
  /** The response body's size after decoding. */
  readonly bodyBytes: number;
  /** Milliseconds since the context started. */
  readonly startMs: number;
  readonly durationMs: number;
  /** Which context made it: the page or the engine worker (the service worker's own timeline is out of the page's reach). */
  readonly context: 'page' | 'engine-worker';
}

/** A 2-D projection of the products' model representations, with the person placed in it. */
export interface EmbeddingMap {
  readonly points: readonly { readonly productId: string; readonly x: number; readonly y: number }[];
  readonly person: { readonly x: number; readonly y: number };
}

export interface Recommendations {
  /** Suitable products only: none above `personRisk`; none the person saved, applied for or dismissed. */
  readonly items: readonly Recommendation[];
  /** Products above the person's risk level, only when asked for (`includeAboveRisk`), else empty. */
  readonly aboveRisk: readonly Recommendation[];
  readonly personRisk: RiskLevel;
  readonly map: EmbeddingMap;
  /** How long scoring and re-ranking took in the engine, in milliseconds. */
  readonly elapsedMs: number;
}

export interface SearchHit {
  readonly productId: string;
  /** Cosine similarity of the query and the product's text, −1 to 1. */
  readonly similarity: number;
}

export interface SearchResult {
  /** Best first. */
  readonly hits: readonly SearchHit[];
  /** True when even the best hit is only weakly related to the query (show it as a hint, not a match). */
  readonly weak: boolean;
}

/**
 * The one interface the UI, tools and tests use to reach the engine.
 * Implemented in-process (Node) and by the worker proxy (browser).
 */
export interface EngineApi {
  /**
   * Loads the models, encodes the catalog and restores the person from this device's storage,
   * including every `setProfile` and `recordEvent` made before or while it runs. Storage that
   * cannot be read does not fail it: the person starts empty, and `storedPerson` and the writes
   * report STORAGE_FAILED. Nor does a model whose files fail (tampered, truncated, missing): that
   * model is left out and named in `unavailable`. It fails when no backend can run
   * (BACKEND_UNAVAILABLE) or on an unexpected error.
   */
  init(options: EngineInitOptions, onProgress?: (progress: LoadProgress) => void): Promise<EngineInitResult>;
  /** The product catalog (available before `init` finishes). */
  catalog(): Promise<Catalog>;
  /**
   * The person as stored on this device, read without waiting for the models (available before
   * `init` finishes), so that a returning person is recognised at once.
   */
  storedPerson(): Promise<PersonState>;
  /** One L2-normalised 512-d row per text, in order; MODEL_UNAVAILABLE without the encoder. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Products whose text is closest in meaning to `query` (1–300 characters), at most `limit`; MODEL_UNAVAILABLE without the encoder. */
  search(query: string, limit: number): Promise<SearchResult>;
  /**
   * Sets and stores the person's profile (their goals are encoded here). Works at any time, also
   * before `init` completes: the profile is stored at once and the recommender takes it when it is
   * ready. INVALID_INPUT for out-of-range fields, STORAGE_FAILED when it cannot be stored.
   */
  setProfile(profile: ProfileInput): Promise<PersonState>;
  /**
   * Records one event about a product, stamped with the current time and stored on this device.
   * Works at any time, also before `init` completes (the recommender takes it when it is ready).
   * INVALID_INPUT for an unknown product or kind, STORAGE_FAILED when it cannot be stored.
   */
  recordEvent(event: ProductEventInput): Promise<PersonState>;
  /** The For-you list; NOT_READY until a profile is set, MODEL_UNAVAILABLE when either model is unavailable. */
  recommend(options: RecommendOptions): Promise<Recommendations>;
  dispose(): Promise<void>;
}

/**
 * The person's control over their data on this device: what is stored, export, import, erase,
 * retention and the passphrase. They run in order with the person's writes (an export includes
 * every write sent before it), also while the models load. STORAGE_LOCKED while a passphrase is
 * needed (except `storageStatus`, `unlock` and `eraseAll`), STORAGE_FAILED when the browser's
 * storage fails.
 */
export interface PersonDataApi {
  /** How the data is protected and whether a passphrase is needed now. */
  storageStatus(): Promise<StorageStatus>;
  /** Opens passphrase-protected data for this session; INVALID_INPUT when the passphrase does not open it. */
  unlock(passphrase: string): Promise<PersonState>;
  /** Protects the data with `passphrase` (at least MIN_PASSPHRASE_LENGTH characters), or with a device key again when `null`. */
  setPassphrase(passphrase: string | null): Promise<StorageStatus>;
  /** Everything stored about the person, decrypted, with the bytes each store takes. */
  storedData(): Promise<StoredDataReport>;
  /** The person's data as the documented export file. */
  exportData(): Promise<PersonExport>;
  /**
   * Replaces everything stored with the export file `json` (its text), after checking all of it:
   * INVALID_INPUT, saying what is wrong, leaves the stored data as it was.
   */
  importData(json: string): Promise<PersonState>;
  /** Sets how many days events are kept (null: forever) and deletes the older ones now. */
  setRetention(days: number | null): Promise<RetentionResult>;
  /** Deletes everything stored about the person on this device, passphrase and key included. */
  eraseAll(): Promise<PersonState>;
  /** The requests the engine worker has made, from its resource timing (for the network ledger). */
  workerRequests(): Promise<readonly ResourceRecord[]>;
}

export interface RetentionResult {
  readonly person: PersonState;
  readonly settings: PersonSettings;
  /** How many events were deleted now. */
  readonly deleted: number;
}

/**
 * The demo personas of advisor mode: made-up people, each with a profile and a history of events,
 * that a bank advisor switches to in front of a client. Their data lives in the engine's memory
 * only, apart from the owner's: it is never written to the owner's storage, and a reload brings
 * every persona back to its starting data.
 */
export const PERSONA_IDS = [
  'young-saver',
  'young-family',
  'first-home-buyer',
  'high-income-investor',
  'pre-retiree',
  'cautious-retiree',
] as const;
export type PersonaId = (typeof PERSONA_IDS)[number];

/** Whose data the engine works on: the device owner's (stored) or a persona's (in memory). */
export type PersonTarget = { readonly kind: 'owner' } | { readonly kind: 'persona'; readonly id: PersonaId };

export interface PersonaSummary {
  readonly id: PersonaId;
  /** The persona as it is now: its starting data plus whatever was done as it since the last reset. */
  readonly person: PersonState;
}

/**
 * Advisor mode. While a persona is active, `setProfile`, `recordEvent`, `recommend` and
 * `storedPerson` work on the persona, and the data controls of PersonDataApi, which act on the
 * owner's stored data, reject with ADVISOR_MODE (`storageStatus` and `workerRequests` still answer).
 * A switch or reset is all or nothing: when it fails, the engine's person is the one it was.
 */
export interface AdvisorApi {
  /** Every persona, in PERSONA_IDS order. */
  personas(): Promise<readonly PersonaSummary[]>;
  /** Makes `target` the person the engine works on; resolves with that person. */
  switchPerson(target: PersonTarget): Promise<PersonState>;
  /** Puts a persona back to its starting data; resolves with it (the engine's person too when it is active). */
  resetPersona(id: PersonaId): Promise<PersonState>;
  /** A persona's For-you list, active or not (for comparing two side by side); NOT_READY when the persona has no profile. */
  recommendFor(id: PersonaId, options: RecommendOptions): Promise<Recommendations>;
}

export function isPersonaId(value: unknown): value is PersonaId {
  return typeof value === 'string' && (PERSONA_IDS as readonly string[]).includes(value);
}

/** What the page holds: the engine, the person's data controls and advisor mode, all behind the worker. */
export interface AppEngineApi extends EngineApi, PersonDataApi, AdvisorApi {}
