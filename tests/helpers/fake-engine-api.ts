/**
 * A small in-memory EngineApi for testing the UI stores: the stores are under test, not the engine,
 * so this one answers from a few lines of state and lets a test hold any call open. Like the real
 * engine, it stores profiles and events at any time, also before `init` has finished, and
 * recommends only once it has.
 */
import {
  PERSON_EXPORT_FORMAT,
  type AppEngineApi,
  type Catalog,
  type EngineInitOptions,
  type EngineInitResult,
  type LoadProgress,
  type PersonaId,
  type PersonaSummary,
  type PersonState,
  type PersonTarget,
  type Product,
  type ProductEventInput,
  type ProfileInput,
  type RecommendOptions,
  type Recommendations,
  type SearchResult,
  type PersonExport,
  type PersonSettings,
  type ResourceRecord,
  type RetentionResult,
  type StorageStatus,
  type StoredDataReport,
  type UnavailableModel,
} from '../../src/protocol/engine-api';
import { EngineCallError } from '../../src/protocol/engine-call-error';
import { EMPTY_PERSON } from '../../src/state/person-events';

const TEST_PROFILE_VALUE: ProfileInput = {
  riskLevel: 2,
  horizonYears: 4,
  age: 40,
  goalsText: 'Save for a home.',
  answers: {},
};

export interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending promise callback run (several rounds, for chains of awaits). */
export async function settle(): Promise<void> {
  for (let round = 0; round < 20; round++) await Promise.resolve();
}

export function product(id: string, overrides: Partial<Product> = {}): Product {
  return {
    id,
    name: `Product ${id}`,
    category: 'savings_deposits',
    description: 'A product. It exists for tests.',
    risk_level: 1,
    annual_rate: { type: 'interest', min_pct: 2, max_pct: 2 },
    term_months: null,
    lockup_months: 0,
    min_amount: 100,
    fees: { annual_pct: 0, upfront_pct: 0, annual_fixed: 0 },
    liquidity: 'high',
    currency: 'EUR',
    goals: ['emergency_fund'],
    ...overrides,
  };
}

export const TEST_CATALOG: Catalog = {
  notice: 'Illustrative products, not financial advice.',
  products: [product('sav-1'), product('fund-1', { category: 'funds_etfs', risk_level: 4 }), product('bond-1', { category: 'bonds', risk_level: 2 })],
};

export class FakeEngine implements AppEngineApi {
  person: PersonState = EMPTY_PERSON;
  readonly events: ProductEventInput[] = [];
  readonly recommendCalls: RecommendOptions[] = [];
  readonly searchCalls: string[] = [];
  /** init() waits for this; resolve it to finish loading. */
  initGate = deferred();
  /** Whether an init() has finished: recommend() needs it, writes do not. */
  initialised = false;
  /** When set, recommend() waits for it. */
  recommendGate: Deferred<void> | null = null;
  /** When set, recordEvent() waits for it. */
  recordGate: Deferred<void> | null = null;
  /** When set, setProfile() waits for it. */
  profileGate: Deferred<void> | null = null;
  /** When set, storedPerson() waits for it, then answers with the person as they were when asked. */
  storedGate: Deferred<void> | null = null;
  /** The next call of this method fails with this error. */
  failNext: { method: keyof AppEngineApi; error: EngineCallError } | null = null;
  searchResult: SearchResult = { hits: [{ productId: 'sav-1', similarity: 0.8 }], weak: false };
  /** The models init() reports as unavailable; recommend() then rejects with MODEL_UNAVAILABLE, and search() too without the encoder. */
  unavailable: UnavailableModel[] = [];
  /** The passphrase protecting the data, if any; `locked` until unlock() gets it. */
  passphrase: string | null = null;
  locked = false;
  settings: PersonSettings = { retentionDays: null };
  /** What importData() last took. */
  imported: string | null = null;
  /** The personas' states (two, for the stores' tests); `person` is the active one's while one is active. */
  personaStates: Partial<Record<PersonaId, PersonState>> = {
    'young-saver': { ...EMPTY_PERSON, profile: { ...TEST_PROFILE_VALUE, riskLevel: 3, goalsText: 'Travel.' }, eventCount: 2 },
    'cautious-retiree': { ...EMPTY_PERSON, profile: { ...TEST_PROFILE_VALUE, riskLevel: 1, goalsText: 'Keep it safe.' }, eventCount: 3 },
  };
  /** Whom the writes go to; the owner's state waits in `ownerPerson` while a persona is active. */
  active: PersonTarget = { kind: 'owner' };
  ownerPerson: PersonState | null = null;

  /** MODEL_UNAVAILABLE, as the real engine says it, when a model that `needs` names is unavailable. */
  private failIfUnavailable(feature: string, needs: readonly UnavailableModel['model'][]): void {
    const missing = this.unavailable.filter((entry) => needs.includes(entry.model));
    if (missing.length > 0) throw new EngineCallError({ code: 'MODEL_UNAVAILABLE', message: [feature, ...missing.map((entry) => entry.error.message)].join(' ') });
  }

  private maybeFail(method: keyof AppEngineApi): void {
    if (this.failNext?.method !== method) return;
    const { error } = this.failNext;
    this.failNext = null;
    throw error;
  }

  async init(_options: EngineInitOptions, onProgress?: (progress: LoadProgress) => void): Promise<EngineInitResult> {
    onProgress?.({ stage: 'download', loadedBytes: 5, totalBytes: 10 });
    onProgress?.({ stage: 'catalog', loadedBytes: 10, totalBytes: 10, encodedProducts: 1, productCount: 3 });
    await this.initGate.promise;
    this.maybeFail('init');
    this.initialised = true;
    return { backend: 'wasm', timings: [{ stage: 'download', ms: 3 }], modelBytes: 10, person: this.person, unavailable: this.unavailable };
  }

  async storedPerson(): Promise<PersonState> {
    if (this.locked) throw new EngineCallError({ code: 'STORAGE_LOCKED', message: 'locked' });
    const asked = this.person;
    await (this.storedGate?.promise ?? Promise.resolve());
    this.maybeFail('storedPerson');
    return asked;
  }

  async catalog(): Promise<Catalog> {
    await Promise.resolve();
    this.maybeFail('catalog');
    return TEST_CATALOG;
  }

  embed(): Promise<Float32Array[]> {
    return Promise.resolve([]);
  }

  async search(query: string): Promise<SearchResult> {
    this.searchCalls.push(query);
    await Promise.resolve();
    this.maybeFail('search');
    this.failIfUnavailable('Search is unavailable.', ['encoder']);
    return this.searchResult;
  }

  async setProfile(profile: ProfileInput): Promise<PersonState> {
    await (this.profileGate?.promise ?? Promise.resolve());
    this.maybeFail('setProfile');
    this.person = { ...this.person, profile };
    return this.person;
  }

  async recordEvent(event: ProductEventInput): Promise<PersonState> {
    if (this.recordGate) await this.recordGate.promise;
    this.maybeFail('recordEvent');
    this.events.push(event);
    const favourites =
      event.kind === 'favourite' ? [...this.person.favourites, event.productId]
      : event.kind === 'unfavourite' ? this.person.favourites.filter((id) => id !== event.productId)
      : this.person.favourites;
    this.person = { ...this.person, favourites, eventCount: this.person.eventCount + 1 };
    return this.person;
  }

  async recommend(options: RecommendOptions): Promise<Recommendations> {
    this.recommendCalls.push(options);
    const eventsSeen = this.events.length;
    if (this.recommendGate) await this.recommendGate.promise;
    this.maybeFail('recommend');
    if (!this.initialised) throw new EngineCallError({ code: 'NOT_READY', message: 'still loading' });
    this.failIfUnavailable('Recommendations are unavailable.', ['encoder', 'recommender']);
    if (!this.person.profile) throw new EngineCallError({ code: 'NOT_READY', message: 'no profile' });
    return {
      // The first item's score tells the test how many events this answer had seen.
      items: [{ productId: 'sav-1', score: eventsSeen, reasons: [{ kind: 'profile', share: 1 }] }],
      aboveRisk: options.includeAboveRisk ? [{ productId: 'fund-1', score: 0.1, reasons: [{ kind: 'risk', productRisk: 4, personRisk: 2 }] }] : [],
      personRisk: this.person.profile.riskLevel,
      map: { points: [], person: { x: 0, y: 0 } },
      elapsedMs: 1,
    };
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }

  storageStatus(): Promise<StorageStatus> {
    return Promise.resolve({ protection: this.passphrase === null ? 'device' : 'passphrase', locked: this.locked });
  }

  async unlock(passphrase: string): Promise<PersonState> {
    await Promise.resolve();
    if (passphrase !== this.passphrase) throw new EngineCallError({ code: 'INVALID_INPUT', message: 'That passphrase does not open your saved data.' });
    this.locked = false;
    return this.person;
  }

  async setPassphrase(passphrase: string | null): Promise<StorageStatus> {
    this.passphrase = passphrase;
    return this.storageStatus();
  }

  async storedData(): Promise<StoredDataReport> {
    const status = await this.storageStatus();
    return { protection: status.protection, profile: this.person.profile, events: this.events.map((event, at) => ({ ...event, at })), settings: this.settings, stores: [] };
  }

  async exportData(): Promise<PersonExport> {
    const data = await this.storedData();
    this.maybeFail('exportData');
    return { format: PERSON_EXPORT_FORMAT, version: 1, exportedAt: '2026-11-29T10:00:00.000Z', profile: data.profile, events: data.events, settings: data.settings };
  }

  async importData(json: string): Promise<PersonState> {
    await Promise.resolve();
    this.maybeFail('importData');
    this.imported = json;
    const file = JSON.parse(json) as PersonExport;
    this.events.splice(0, this.events.length, ...file.events);
    this.person = { ...EMPTY_PERSON, profile: file.profile, eventCount: file.events.length };
    return this.person;
  }

  async setRetention(days: number | null): Promise<RetentionResult> {
    await Promise.resolve();
    this.settings = { retentionDays: days };
    return { person: this.person, settings: this.settings, deleted: 0 };
  }

  async eraseAll(): Promise<PersonState> {
    await Promise.resolve();
    this.maybeFail('eraseAll');
    this.events.splice(0);
    this.person = EMPTY_PERSON;
    this.passphrase = null;
    this.locked = false;
    return this.person;
  }

  workerRequests(): Promise<readonly ResourceRecord[]> {
    return Promise.resolve([]);
  }

  async personas(): Promise<readonly PersonaSummary[]> {
    await Promise.resolve();
    this.maybeFail('personas');
    this.keepActivePersona();
    return Object.entries(this.personaStates).map(([id, person]) => ({ id: id as PersonaId, person }));
  }

  async switchPerson(target: PersonTarget): Promise<PersonState> {
    await Promise.resolve();
    this.maybeFail('switchPerson');
    this.keepActivePersona();
    if (this.active.kind === 'owner') this.ownerPerson = this.person;
    const next = target.kind === 'owner' ? this.ownerPerson : this.personaStates[target.id];
    if (!next) throw new EngineCallError({ code: 'INVALID_INPUT', message: 'no such persona' });
    this.active = target;
    this.person = next;
    return next;
  }

  async resetPersona(id: PersonaId): Promise<PersonState> {
    await Promise.resolve();
    // Each persona's starting data differs (its own event count), so a test can tell whose it is.
    const reset: PersonState = { ...EMPTY_PERSON, profile: TEST_PROFILE_VALUE, eventCount: id.length };
    this.personaStates[id] = reset;
    if (this.active.kind === 'persona' && this.active.id === id) this.person = reset;
    return reset;
  }

  async recommendFor(id: PersonaId, options: RecommendOptions): Promise<Recommendations> {
    await Promise.resolve();
    this.maybeFail('recommendFor');
    this.keepActivePersona();
    const persona = this.personaStates[id];
    if (!persona?.profile) throw new EngineCallError({ code: 'NOT_READY', message: 'no profile' });
    return {
      // The score says whose list it is: the persona's event count.
      items: [{ productId: id === 'cautious-retiree' ? 'sav-1' : 'bond-1', score: persona.eventCount, reasons: [{ kind: 'profile', share: 1 }] }],
      aboveRisk: [],
      personRisk: persona.profile.riskLevel,
      map: { points: [], person: { x: 0, y: 0 } },
      elapsedMs: options.limit,
    };
  }

  /** The active persona's writes, kept in its state. */
  private keepActivePersona(): void {
    if (this.active.kind === 'persona') this.personaStates[this.active.id] = this.person;
  }
}

export const TEST_PROFILE: ProfileInput = TEST_PROFILE_VALUE;
