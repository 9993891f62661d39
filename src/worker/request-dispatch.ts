import { isEngineError } from '../engine/errors';
import type { AppEngineApi, SerializedError } from '../protocol/engine-api';
import { isWorkerRequest, transferListFor, type EngineCallResult, type WorkerRequest, type WorkerResponse } from '../protocol/worker-messages';

/** Posts one response to the page, moving the listed buffers instead of copying them. */
export type PostResponse = (message: WorkerResponse, transfer: Transferable[]) => void;

/** EngineError keeps its code; anything else is a bug, reported as INTERNAL with its message. */
export function serializeError(error: unknown): SerializedError {
  if (isEngineError(error)) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `The engine failed unexpectedly (${detail}). Reload the page; if it happens again, report it.`,
  };
}

async function run(engine: AppEngineApi, request: WorkerRequest, post: PostResponse): Promise<EngineCallResult> {
  switch (request.method) {
    case 'init':
      return {
        method: 'init',
        result: await engine.init(request.options, (progress) => {
          post({ id: request.id, kind: 'progress', progress }, []);
        }),
      };
    case 'catalog':
      return { method: 'catalog', result: await engine.catalog() };
    case 'storedPerson':
      return { method: 'storedPerson', result: await engine.storedPerson() };
    case 'embed':
      return { method: 'embed', result: await engine.embed(request.texts) };
    case 'search':
      return { method: 'search', result: await engine.search(request.query, request.limit) };
    case 'setProfile':
      return { method: 'setProfile', result: await engine.setProfile(request.profile) };
    case 'recordEvent':
      return { method: 'recordEvent', result: await engine.recordEvent(request.event) };
    case 'recommend':
      return { method: 'recommend', result: await engine.recommend(request.options) };
    case 'dispose':
      await engine.dispose();
      return { method: 'dispose', result: undefined };
    case 'storageStatus':
      return { method: 'storageStatus', result: await engine.storageStatus() };
    case 'unlock':
      return { method: 'unlock', result: await engine.unlock(request.passphrase) };
    case 'setPassphrase':
      return { method: 'setPassphrase', result: await engine.setPassphrase(request.passphrase) };
    case 'storedData':
      return { method: 'storedData', result: await engine.storedData() };
    case 'exportData':
      return { method: 'exportData', result: await engine.exportData() };
    case 'importData':
      return { method: 'importData', result: await engine.importData(request.json) };
    case 'setRetention':
      return { method: 'setRetention', result: await engine.setRetention(request.days) };
    case 'eraseAll':
      return { method: 'eraseAll', result: await engine.eraseAll() };
    case 'workerRequests':
      return { method: 'workerRequests', result: await engine.workerRequests() };
    case 'personas':
      return { method: 'personas', result: await engine.personas() };
    case 'switchPerson':
      return { method: 'switchPerson', result: await engine.switchPerson(request.target) };
    case 'resetPersona':
      return { method: 'resetPersona', result: await engine.resetPersona(request.persona) };
    case 'recommendFor':
      return { method: 'recommendFor', result: await engine.recommendFor(request.persona, request.options) };
  }
}

async function handle(engine: AppEngineApi, request: WorkerRequest, post: PostResponse): Promise<void> {
  try {
    const reply = await run(engine, request, post);
    // Embedding rows move to the page instead of being copied.
    const transfer = reply.method === 'embed' ? transferListFor(reply.result) : [];
    post({ id: request.id, kind: 'result', ...reply }, transfer);
  } catch (error) {
    post({ id: request.id, kind: 'error', error: serializeError(error) }, []);
  }
}

/** Calls answered at once: static data, a storage read and the worker's own request log. */
const IMMEDIATE: ReadonlySet<WorkerRequest['method']> = new Set(['catalog', 'storedPerson', 'storageStatus', 'workerRequests']);
/** The person's writes and data controls: in order among themselves, not behind the model. */
const WRITES: ReadonlySet<WorkerRequest['method']> = new Set([
  'setProfile',
  'recordEvent',
  'unlock',
  'setPassphrase',
  'storedData',
  'exportData',
  'importData',
  'setRetention',
  'eraseAll',
  // Advisor mode swaps the person the writes go to: in order with them.
  'personas',
  'switchPerson',
  'resetPersona',
]);

/**
 * The worker's side of the protocol: takes each message from the page, calls `engine` and posts
 * the progress, result or error back. Model calls run one at a time, in order: tfjs backends are
 * global state, so a re-init must not interleave with an embed, and a call sent while the model
 * loads simply waits for it. The person's writes (`setProfile`, `recordEvent`) and data controls
 * (import, erase, retention, passphrase, export, the stored-data report) have their own queue, in
 * order among themselves but not behind `init`: the engine stores them at once, even while the
 * model loads, and takes them into the model itself when it is ready (it allows for a re-init
 * while a profile is being embedded, and for a person replaced while it loads). So an export
 * includes every write sent before it, and an erase is never held up by a slow model download.
 * Switching to a persona and back is a write too, so every write lands on the person it was made
 * for. `catalog`, `storedPerson`, `storageStatus` and `workerRequests` are answered at once. Messages
 * that are not requests are ignored.
 */
export function createRequestDispatcher(engine: AppEngineApi, post: PostResponse): (data: unknown) => void {
  let models = Promise.resolve();
  let writes = Promise.resolve();
  return (data) => {
    if (!isWorkerRequest(data)) return;
    if (IMMEDIATE.has(data.method)) void handle(engine, data, post);
    else if (WRITES.has(data.method)) writes = writes.then(() => handle(engine, data, post));
    else models = models.then(() => handle(engine, data, post));
  };
}
