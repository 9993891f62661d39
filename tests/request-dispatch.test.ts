/**
 * The worker's message loop (src/worker/request-dispatch.ts), driven as the worker drives it, with
 * a scripted EngineApi whose `init` finishes only when the test says so.
 */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../src/engine/errors';
import type { AppEngineApi, Catalog, EngineInitResult } from '../src/protocol/engine-api';
import type { WorkerResponse } from '../src/protocol/worker-messages';
import { createRequestDispatcher } from '../src/worker/request-dispatch';

const CATALOG: Catalog = { notice: 'Illustrative products, not financial advice.', products: [] };
const INIT_RESULT: EngineInitResult = {
  backend: 'cpu',
  timings: [],
  modelBytes: 1,
  person: { profile: null, favourites: [], dismissed: [], compared: [], applied: [], eventCount: 0 },
  unavailable: [],
};

/** An engine whose init waits for `finishInit` and each event for `finishEvent`; every other call answers at once. */
function scriptedEngine() {
  let finishInit = (): void => undefined;
  let finishEvent = (): void => undefined;
  const person = INIT_RESULT.person;
  const status = { protection: 'device', locked: false } as const;
  const engine: AppEngineApi = {
    init: (_options, onProgress) =>
      new Promise((resolve) => {
        onProgress?.({ stage: 'backend', loadedBytes: 0, totalBytes: 0 });
        finishInit = () => resolve(INIT_RESULT);
      }),
    catalog: () => Promise.resolve(CATALOG),
    storedPerson: () => Promise.resolve(INIT_RESULT.person),
    embed: (texts) => Promise.resolve(texts.map(() => new Float32Array(2))),
    search: () => Promise.reject(new EngineError('INVALID_INPUT', "Type a few words about what you're looking for.")),
    setProfile: () => Promise.reject(new Error('disk on fire')),
    recordEvent: () =>
      new Promise((resolve) => {
        finishEvent = () => resolve(INIT_RESULT.person);
      }),
    recommend: () => Promise.reject(new EngineError('NOT_READY', 'wait')),
    dispose: () => Promise.resolve(),
    storageStatus: () => Promise.resolve(status),
    unlock: () => Promise.resolve(person),
    setPassphrase: () => Promise.resolve(status),
    storedData: () => Promise.resolve({ protection: 'device', profile: null, events: [], settings: { retentionDays: null }, stores: [] }),
    exportData: () => Promise.reject(new Error('not scripted')),
    importData: () => Promise.resolve(person),
    setRetention: () => Promise.resolve({ person, settings: { retentionDays: null }, deleted: 0 }),
    eraseAll: () => Promise.resolve(person),
    workerRequests: () => Promise.resolve([]),
    personas: () => Promise.resolve([]),
    switchPerson: () => Promise.resolve(person),
    resetPersona: () => Promise.resolve(person),
    recommendFor: () => Promise.reject(new EngineError('NOT_READY', 'wait')),
  };
  return { engine, finishInit: () => finishInit(), finishEvent: () => finishEvent() };
}

function setUp(changes: Partial<AppEngineApi> = {}) {
  const { engine: scripted, finishInit, finishEvent } = scriptedEngine();
  const engine: AppEngineApi = { ...scripted, ...changes };
  const posted: { message: WorkerResponse; transfer: Transferable[] }[] = [];
  const dispatch = createRequestDispatcher(engine, (message, transfer) => posted.push({ message, transfer }));
  const kinds = () => posted.map(({ message }) => `${message.id}:${message.kind}${message.kind === 'result' ? `:${message.method}` : ''}`);
  return { dispatch, finishInit, finishEvent, posted, kinds };
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createRequestDispatcher', () => {
  it('answers catalog and the stored person at once while init is still loading, and queues model calls behind init', async () => {
    const { dispatch, finishInit, kinds } = setUp();
    dispatch({ id: 1, method: 'init', options: { backend: 'auto' } });
    dispatch({ id: 2, method: 'embed', texts: ['a'] });
    dispatch({ id: 3, method: 'catalog' });
    dispatch({ id: 4, method: 'storedPerson' });
    await settle();
    expect(kinds()).toEqual(['1:progress', '3:result:catalog', '4:result:storedPerson']);
    finishInit();
    await settle();
    expect(kinds()).toEqual(['1:progress', '3:result:catalog', '4:result:storedPerson', '1:result:init', '2:result:embed']);
  });

  it('takes the person\'s writes while init is still loading, one at a time in the order sent', async () => {
    const { dispatch, finishInit, finishEvent, kinds } = setUp();
    dispatch({ id: 1, method: 'init', options: { backend: 'auto' } });
    dispatch({ id: 2, method: 'recordEvent', event: { productId: 'sav-001', kind: 'view' } });
    dispatch({ id: 3, method: 'setProfile', profile: { riskLevel: 1, horizonYears: 1, age: 30, goalsText: 'x', answers: {} } });
    dispatch({ id: 4, method: 'recordEvent', event: { productId: 'sav-001', kind: 'click' } });
    dispatch({ id: 5, method: 'recommend', options: { limit: 1, diversity: 0, includeAboveRisk: false } });
    await settle();
    // The first event is with the engine; the profile waits for it, not for init.
    expect(kinds()).toEqual(['1:progress']);
    finishEvent();
    await settle();
    expect(kinds()).toEqual(['1:progress', '2:result:recordEvent', '3:error']);
    finishEvent();
    await settle();
    expect(kinds()).toEqual(['1:progress', '2:result:recordEvent', '3:error', '4:result:recordEvent']);
    finishInit();
    await settle();
    expect(kinds()).toEqual(['1:progress', '2:result:recordEvent', '3:error', '4:result:recordEvent', '1:result:init', '5:error']);
  });

  it('runs a data control in order with the writes, not behind init, and answers storageStatus at once', async () => {
    const { dispatch, finishInit, finishEvent, kinds } = setUp();
    dispatch({ id: 1, method: 'init', options: { backend: 'auto' } });
    dispatch({ id: 2, method: 'recordEvent', event: { productId: 'sav-001', kind: 'view' } });
    dispatch({ id: 3, method: 'eraseAll' });
    dispatch({ id: 4, method: 'setProfile', profile: { riskLevel: 1, horizonYears: 1, age: 30, goalsText: 'x', answers: {} } });
    dispatch({ id: 5, method: 'embed', texts: ['a'] });
    dispatch({ id: 6, method: 'storageStatus' });
    await settle();
    expect(kinds()).toEqual(['1:progress', '6:result:storageStatus']);
    finishEvent();
    await settle();
    // The erase waits for the write sent before it, not for init; the write after it waits for the erase.
    expect(kinds()).toEqual(['1:progress', '6:result:storageStatus', '2:result:recordEvent', '3:result:eraseAll', '4:error']);
    finishInit();
    await settle();
    expect(kinds()).toEqual(['1:progress', '6:result:storageStatus', '2:result:recordEvent', '3:result:eraseAll', '4:error', '1:result:init', '5:result:embed']);
  });

  it('switches the person (advisor mode) in order with the writes, and compares personas behind the model', async () => {
    const { dispatch, finishInit, finishEvent, kinds } = setUp();
    dispatch({ id: 1, method: 'init', options: { backend: 'auto' } });
    dispatch({ id: 2, method: 'recordEvent', event: { productId: 'sav-001', kind: 'view' } });
    dispatch({ id: 3, method: 'switchPerson', target: { kind: 'persona', id: 'young-saver' } });
    dispatch({ id: 4, method: 'recommendFor', persona: 'young-saver', options: { limit: 3, diversity: 0, includeAboveRisk: false } });
    dispatch({ id: 5, method: 'resetPersona', persona: 'young-saver' });
    await settle();
    expect(kinds()).toEqual(['1:progress']);
    finishEvent();
    await settle();
    // The switch waits for the write sent before it; the reset after it waits for the switch.
    expect(kinds()).toEqual(['1:progress', '2:result:recordEvent', '3:result:switchPerson', '5:result:resetPersona']);
    finishInit();
    await settle();
    expect(kinds()).toEqual(['1:progress', '2:result:recordEvent', '3:result:switchPerson', '5:result:resetPersona', '1:result:init', '4:error']);
  });

  it('sends engine errors with their code, and anything else as INTERNAL with its message', async () => {
    const { dispatch, posted } = setUp();
    dispatch({ id: 1, method: 'search', query: '', limit: 5 });
    dispatch({ id: 2, method: 'setProfile', profile: { riskLevel: 1, horizonYears: 1, age: 30, goalsText: 'x', answers: {} } });
    await settle();
    expect(posted.map(({ message }) => message)).toEqual([
      { id: 1, kind: 'error', error: { code: 'INVALID_INPUT', message: "Type a few words about what you're looking for." } },
      { id: 2, kind: 'error', error: { code: 'INTERNAL', message: expect.stringContaining('disk on fire') as unknown } },
    ]);
  });

  it('answers an init that left a model out with its result, and the calls that need that model with MODEL_UNAVAILABLE', async () => {
    const integrity = { code: 'INTEGRITY_FAILED', message: 'The recommendation model failed its integrity check: gnn/weights.bin does not match.' } as const;
    const degraded: EngineInitResult = { ...INIT_RESULT, unavailable: [{ model: 'recommender', error: integrity }] };
    const { dispatch, posted } = setUp({
      init: () => Promise.resolve(degraded),
      recommend: () => Promise.reject(new EngineError('MODEL_UNAVAILABLE', `Recommendations are unavailable. ${integrity.message}`)),
    });
    dispatch({ id: 1, method: 'init', options: { backend: 'auto' } });
    dispatch({ id: 2, method: 'recommend', options: { limit: 1, diversity: 0, includeAboveRisk: false } });
    await settle();
    expect(posted.map(({ message }) => message)).toEqual([
      { id: 1, kind: 'result', method: 'init', result: degraded },
      { id: 2, kind: 'error', error: { code: 'MODEL_UNAVAILABLE', message: `Recommendations are unavailable. ${integrity.message}` } },
    ]);
  });

  it('transfers embedding rows, and ignores messages that are not requests', async () => {
    const { dispatch, posted } = setUp();
    dispatch({ id: 7, method: 'no-such-method' });
    dispatch('hello');
    dispatch({ id: 8, method: 'embed', texts: ['a', 'b'] });
    await settle();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.transfer).toHaveLength(2);
  });
});
