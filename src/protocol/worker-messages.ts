import type {
  Catalog,
  EngineInitOptions,
  EngineInitResult,
  LoadProgress,
  PersonaId,
  PersonaSummary,
  PersonExport,
  PersonState,
  PersonTarget,
  ProductEventInput,
  ProfileInput,
  Recommendations,
  RecommendOptions,
  ResourceRecord,
  RetentionResult,
  SearchResult,
  SerializedError,
  StorageStatus,
  StoredDataReport,
} from './engine-api';

/*
 * The messages between the page (worker-proxy.ts) and the engine worker (worker/engine.worker.ts).
 * Every request carries an `id`; the worker answers with any number of `progress` messages for that
 * id, then exactly one `result` or `error`.
 */

/** One AppEngineApi call (the engine's and the person's data controls), as data. */
export type EngineCall =
  | { readonly method: 'init'; readonly options: EngineInitOptions }
  | { readonly method: 'catalog' }
  | { readonly method: 'storedPerson' }
  | { readonly method: 'embed'; readonly texts: readonly string[] }
  | { readonly method: 'search'; readonly query: string; readonly limit: number }
  | { readonly method: 'setProfile'; readonly profile: ProfileInput }
  | { readonly method: 'recordEvent'; readonly event: ProductEventInput }
  | { readonly method: 'recommend'; readonly options: RecommendOptions }
  | { readonly method: 'dispose' }
  | { readonly method: 'storageStatus' }
  | { readonly method: 'unlock'; readonly passphrase: string }
  | { readonly method: 'setPassphrase'; readonly passphrase: string | null }
  | { readonly method: 'storedData' }
  | { readonly method: 'exportData' }
  | { readonly method: 'importData'; readonly json: string }
  | { readonly method: 'setRetention'; readonly days: number | null }
  | { readonly method: 'eraseAll' }
  | { readonly method: 'workerRequests' }
  | { readonly method: 'personas' }
  | { readonly method: 'switchPerson'; readonly target: PersonTarget }
  | { readonly method: 'resetPersona'; readonly persona: PersonaId }
  | { readonly method: 'recommendFor'; readonly persona: PersonaId; readonly options: RecommendOptions };

export type EngineMethod = EngineCall['method'];

/** What each call resolves with. */
export interface EngineCallResults {
  readonly init: EngineInitResult;
  readonly catalog: Catalog;
  readonly storedPerson: PersonState;
  readonly embed: Float32Array[];
  readonly search: SearchResult;
  readonly setProfile: PersonState;
  readonly recordEvent: PersonState;
  readonly recommend: Recommendations;
  readonly dispose: undefined;
  readonly storageStatus: StorageStatus;
  readonly unlock: PersonState;
  readonly setPassphrase: StorageStatus;
  readonly storedData: StoredDataReport;
  readonly exportData: PersonExport;
  readonly importData: PersonState;
  readonly setRetention: RetentionResult;
  readonly eraseAll: PersonState;
  readonly workerRequests: readonly ResourceRecord[];
  readonly personas: readonly PersonaSummary[];
  readonly switchPerson: PersonState;
  readonly resetPersona: PersonState;
  readonly recommendFor: Recommendations;
}

export type EngineCallResult = {
  [M in EngineMethod]: { readonly method: M; readonly result: EngineCallResults[M] };
}[EngineMethod];

/** Page → worker. */
export type WorkerRequest = EngineCall & { readonly id: number };

/** Worker → page. */
export type WorkerResponse =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: LoadProgress }
  | ({ readonly id: number; readonly kind: 'result' } & EngineCallResult)
  | { readonly id: number; readonly kind: 'error'; readonly error: SerializedError };

/** Every method, as a Record so that a new call cannot be left out of the shape check. */
const METHOD_NAMES: Readonly<Record<EngineMethod, true>> = {
  init: true,
  catalog: true,
  storedPerson: true,
  embed: true,
  search: true,
  setProfile: true,
  recordEvent: true,
  recommend: true,
  dispose: true,
  storageStatus: true,
  unlock: true,
  setPassphrase: true,
  storedData: true,
  exportData: true,
  importData: true,
  setRetention: true,
  eraseAll: true,
  workerRequests: true,
  personas: true,
  switchPerson: true,
  resetPersona: true,
  recommendFor: true,
};
const METHODS: ReadonlySet<string> = new Set(Object.keys(METHOD_NAMES));
const RESPONSE_KINDS: ReadonlySet<string> = new Set<WorkerResponse['kind']>(['progress', 'result', 'error']);

function hasNumericId(data: unknown): data is { readonly id: number } & Record<string, unknown> {
  return typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'number';
}

/** Shape check for messages arriving at the worker; anything else on the channel is not ours. */
export function isWorkerRequest(data: unknown): data is WorkerRequest {
  return hasNumericId(data) && typeof data.method === 'string' && METHODS.has(data.method);
}

/** Shape check for messages arriving at the page. */
export function isWorkerResponse(data: unknown): data is WorkerResponse {
  return hasNumericId(data) && typeof data.kind === 'string' && RESPONSE_KINDS.has(data.kind);
}

/**
 * The buffers to transfer (move, not copy) with a list of embedding rows. Rows may be views into one
 * shared buffer, and a buffer may be listed only once, hence the set; shared memory cannot be moved.
 */
export function transferListFor(rows: readonly Float32Array[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const row of rows) {
    if (row.buffer instanceof ArrayBuffer) buffers.add(row.buffer);
  }
  return [...buffers];
}
