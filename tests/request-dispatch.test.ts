/**
 * The worker's message loop (src/worker/request-dispatch.ts), driven as the worker drives it, with
 * a scripted EngineApi whose `init` finishes only when the test says so.
 */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../src/engine/errors';
import type { Catalog, EngineApi, EngineInitResult } from '../src/protocol/engine-api';
import type { WorkerResponse } from '../src/protocol/worker-messages';
import { createRequestDispatcher } from '../src/worker/request-dispatch';

const CATALOG: Catalog = { notice: 'Illustrative products, not financial advice.', products: [] };
const INIT_RESULT: EngineInitResult = {
  backend: 'cpu',
  timings: [],
  modelBytes: 1,
  person: { profile: null, favourites: [], dismissed: [], compared: [], applied: [], eventCount: 0 },
};

/** An engine whose init waits for `finishInit`; every other call answers at once. */
function scriptedEngine() {
  let finishInit = (): void => undefined;
  const engine: EngineApi = {
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
    recordEvent: () => Promise.reject(new EngineError('NOT_READY', 'wait')),
    recommend: () => Promise.reject(new EngineError('NOT_READY', 'wait')),
    dispose: () => Promise.resolve(),
  };
  return { engine, finishInit: () => finishInit() };
}

function setUp() {
  const { engine, finishInit } = scriptedEngine();
  const posted: { message: WorkerResponse; transfer: Transferable[] }[] = [];
  const dispatch = createRequestDispatcher(engine, (message, transfer) => posted.push({ message, transfer }));
  const kinds = () => posted.map(({ message }) => `${message.id}:${message.kind}${message.kind === 'result' ? `:${message.method}` : ''}`);
  return { dispatch, finishInit, posted, kinds };
}

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createRequestDispatcher', () => {
  it('answers catalog and the stored person at once while init is still loading, and queues every other call behind init', async () => {
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
