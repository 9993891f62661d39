import { describe, expect, it } from 'vitest';
import type { EngineApi, PersonState } from '../src/protocol/engine-api';
import { EngineCallError } from '../src/protocol/engine-call-error';
import { transferListFor, type EngineCall, type EngineCallResult, type WorkerRequest, type WorkerResponse } from '../src/protocol/worker-messages';
import { createWorkerEngine } from '../src/protocol/worker-proxy';

/** Stands in for a Worker: records what the proxy posts and lets the test answer. */
class FakeWorker extends EventTarget {
  readonly sent: WorkerRequest[] = [];
  postMessage(message: WorkerRequest): void {
    this.sent.push(structuredClone(message));
  }
  reply(message: WorkerResponse): void {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
  lastId(): number {
    const last = this.sent.at(-1);
    if (!last) throw new Error('nothing was sent');
    return last.id;
  }
}

function setUp() {
  const worker = new FakeWorker();
  return { worker, engine: createWorkerEngine(worker as unknown as Worker) };
}

const EMPTY_PERSON: PersonState = { profile: null, favourites: [], dismissed: [], compared: [], applied: [], eventCount: 0 };

function callError(code: string): unknown {
  return expect.objectContaining({ name: 'EngineCallError', code });
}

describe('createWorkerEngine', () => {
  it('matches replies to calls by id and forwards progress to the right call', async () => {
    const { worker, engine } = setUp();
    const progress: number[] = [];
    const init = engine.init({ backend: 'auto' }, (p) => progress.push(p.loadedBytes));
    const initId = worker.lastId();
    const embed = engine.embed(['a', 'b']);
    const embedId = worker.lastId();

    worker.reply({ id: initId, kind: 'progress', progress: { stage: 'download', loadedBytes: 5, totalBytes: 10 } });
    worker.reply({ id: embedId, kind: 'result', method: 'embed', result: [new Float32Array([1]), new Float32Array([2])] });
    const unavailable = [{ model: 'recommender', error: { code: 'INTEGRITY_FAILED', message: 'The recommendation model failed its integrity check.' } }] as const;
    worker.reply({ id: initId, kind: 'result', method: 'init', result: { backend: 'wasm', timings: [], modelBytes: 10, person: EMPTY_PERSON, unavailable } });

    expect((await embed).map((row) => row[0])).toEqual([1, 2]);
    expect(await init).toMatchObject({ backend: 'wasm', unavailable });
    expect(progress).toEqual([5]);
  });

  it('rejects with the engine error code and message', async () => {
    const { worker, engine } = setUp();
    const call = engine.embed(['x']);
    worker.reply({ id: worker.lastId(), kind: 'error', error: { code: 'NOT_READY', message: 'wait' } });
    await expect(call).rejects.toBeInstanceOf(EngineCallError);
    await expect(call).rejects.toEqual(callError('NOT_READY'));
  });

  it('rejects a reply of the wrong kind as INTERNAL', async () => {
    const { worker, engine } = setUp();
    const call = engine.embed(['x']);
    worker.reply({ id: worker.lastId(), kind: 'result', method: 'dispose', result: undefined });
    await expect(call).rejects.toEqual(callError('INTERNAL'));
  });

  it('fails pending calls on messageerror but keeps working', async () => {
    const { worker, engine } = setUp();
    const lost = engine.embed(['x']);
    worker.dispatchEvent(new Event('messageerror'));
    await expect(lost).rejects.toEqual(callError('WORKER_FAILED'));

    const next = engine.embed(['y']);
    worker.reply({ id: worker.lastId(), kind: 'result', method: 'embed', result: [] });
    await expect(next).resolves.toEqual([]);
  });

  it('fails pending and later calls with WORKER_FAILED once the worker crashes', async () => {
    const { worker, engine } = setUp();
    const pending = engine.init({ backend: 'cpu' });
    // Node 20 has no ErrorEvent; the proxy reads only `message`.
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' }));
    await expect(pending).rejects.toEqual(callError('WORKER_FAILED'));
    await expect(pending).rejects.toThrow(/boom/);
    await expect(engine.embed(['later'])).rejects.toEqual(callError('WORKER_FAILED'));
  });

  it.each<[string, (engine: EngineApi) => Promise<unknown>, EngineCall, EngineCallResult]>([
    ['catalog', (engine) => engine.catalog(), { method: 'catalog' }, { method: 'catalog', result: { notice: 'Illustrative.', products: [] } }],
    [
      'search',
      (engine) => engine.search('safe savings', 5),
      { method: 'search', query: 'safe savings', limit: 5 },
      { method: 'search', result: { hits: [{ productId: 'sav-001', similarity: 0.6 }], weak: false } },
    ],
    [
      'setProfile',
      (engine) => engine.setProfile({ riskLevel: 2, horizonYears: 5, age: 30, goalsText: 'a home', answers: {} }),
      { method: 'setProfile', profile: { riskLevel: 2, horizonYears: 5, age: 30, goalsText: 'a home', answers: {} } },
      { method: 'setProfile', result: EMPTY_PERSON },
    ],
    [
      'recordEvent',
      (engine) => engine.recordEvent({ productId: 'sav-001', kind: 'favourite' }),
      { method: 'recordEvent', event: { productId: 'sav-001', kind: 'favourite' } },
      { method: 'recordEvent', result: { ...EMPTY_PERSON, favourites: ['sav-001'], eventCount: 1 } },
    ],
    [
      'recommend',
      (engine) => engine.recommend({ limit: 3, diversity: 0.2, includeAboveRisk: false }),
      { method: 'recommend', options: { limit: 3, diversity: 0.2, includeAboveRisk: false } },
      { method: 'recommend', result: { items: [], aboveRisk: [], personRisk: 2, map: { points: [], person: { x: 0, y: 0 } }, elapsedMs: 1 } },
    ],
  ])('sends %s as its call and resolves with its result', async (_method, call, sent, reply) => {
    const { worker, engine } = setUp();
    const pending = call(engine);
    const { id, ...request } = worker.sent.at(-1)!;
    expect(request).toEqual(sent);
    worker.reply({ id, kind: 'result', ...reply });
    await expect(pending).resolves.toEqual(reply.result);
  });

  it('rejects a new call answered with another call\'s result as INTERNAL', async () => {
    const { worker, engine } = setUp();
    const call = engine.recommend({ limit: 3, diversity: 0, includeAboveRisk: false });
    worker.reply({ id: worker.lastId(), kind: 'result', method: 'setProfile', result: EMPTY_PERSON });
    await expect(call).rejects.toEqual(callError('INTERNAL'));
  });

  it('rejects input that cannot be posted as INVALID_INPUT', async () => {
    const worker = new (class extends FakeWorker {
      override postMessage(): void {
        throw new DOMException('could not be cloned', 'DataCloneError');
      }
    })();
    const engine = createWorkerEngine(worker as unknown as Worker);
    await expect(engine.embed(['x'])).rejects.toEqual(callError('INVALID_INPUT'));
  });
});

describe('transferListFor', () => {
  it('lists a buffer shared by several rows once, so that it can be transferred', () => {
    const shared = new Float32Array(8);
    const rows = [shared.subarray(0, 4), shared.subarray(4)];
    const transfer = transferListFor(rows);
    expect(transfer).toHaveLength(1);

    const channel = new MessageChannel();
    channel.port1.postMessage(rows, transfer);
    channel.port1.close();
    expect(shared.byteLength).toBe(0); // moved, not copied
  });
});
