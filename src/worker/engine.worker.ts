import { httpAssetSource } from '../engine/assets/http';
import { isEngineError } from '../engine/errors';
import type { SerializedError } from '../protocol/engine-api';
import {
  isWorkerRequest,
  transferListFor,
  type EngineCallResult,
  type WorkerRequest,
  type WorkerResponse,
} from '../protocol/worker-messages';
import { createInProcessEngine } from './in-process-engine';
import { wasmPaths } from './wasm-paths';

declare const self: DedicatedWorkerGlobalScope;

// BASE_URL keeps model URLs right when the app is served under a sub-path.
const engine = createInProcessEngine({
  assets: httpAssetSource(`${import.meta.env.BASE_URL}models/`),
  wasmPaths,
});

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

/** EngineError keeps its code; anything else is a bug, reported as INTERNAL with its message. */
function serializeError(error: unknown): SerializedError {
  if (isEngineError(error)) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `The engine failed unexpectedly (${detail}). Reload the page; if it happens again, report it.`,
  };
}

async function run(request: WorkerRequest): Promise<EngineCallResult> {
  switch (request.method) {
    case 'init':
      return {
        method: 'init',
        result: await engine.init(request.options, (progress) => {
          post({ id: request.id, kind: 'progress', progress });
        }),
      };
    case 'embed':
      return { method: 'embed', result: await engine.embed(request.texts) };
    case 'dispose':
      await engine.dispose();
      return { method: 'dispose', result: undefined };
  }
}

async function handle(request: WorkerRequest): Promise<void> {
  try {
    const reply = await run(request);
    // Embedding rows move to the page instead of being copied.
    const transfer = reply.method === 'embed' ? transferListFor(reply.result) : [];
    post({ id: request.id, kind: 'result', ...reply }, transfer);
  } catch (error) {
    post({ id: request.id, kind: 'error', error: serializeError(error) });
  }
}

// One call at a time: tfjs backends are global state, so a re-init must not interleave with an
// embed, and an embed sent while the model loads simply waits for it.
let queue = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = event.data;
  if (!isWorkerRequest(request)) return;
  queue = queue.then(() => handle(request));
});
