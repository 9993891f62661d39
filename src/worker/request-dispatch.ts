import { isEngineError } from '../engine/errors';
import type { EngineApi, SerializedError } from '../protocol/engine-api';
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

async function run(engine: EngineApi, request: WorkerRequest, post: PostResponse): Promise<EngineCallResult> {
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
  }
}

async function handle(engine: EngineApi, request: WorkerRequest, post: PostResponse): Promise<void> {
  try {
    const reply = await run(engine, request, post);
    // Embedding rows move to the page instead of being copied.
    const transfer = reply.method === 'embed' ? transferListFor(reply.result) : [];
    post({ id: request.id, kind: 'result', ...reply }, transfer);
  } catch (error) {
    post({ id: request.id, kind: 'error', error: serializeError(error) }, []);
  }
}

/**
 * The worker's side of the protocol: takes each message from the page, calls `engine` and posts
 * the progress, result or error back. Model calls run one at a time, in order: tfjs backends are
 * global state, so a re-init must not interleave with an embed, and a call sent while the model
 * loads simply waits for it. The person's writes (`setProfile`, `recordEvent`) have their own
 * queue, in order among themselves but not behind `init`: the engine stores them at once, even
 * while the model loads, and takes them into the model itself when it is ready (it allows for a
 * re-init while a profile is being embedded). `catalog` (static data) and `storedPerson` (a
 * storage read) are answered at once. Messages that are not requests are ignored.
 */
export function createRequestDispatcher(engine: EngineApi, post: PostResponse): (data: unknown) => void {
  let models = Promise.resolve();
  let writes = Promise.resolve();
  return (data) => {
    if (!isWorkerRequest(data)) return;
    if (data.method === 'catalog' || data.method === 'storedPerson') void handle(engine, data, post);
    else if (data.method === 'setProfile' || data.method === 'recordEvent') writes = writes.then(() => handle(engine, data, post));
    else models = models.then(() => handle(engine, data, post));
  };
}
