import type { AppEngineApi, LoadProgress, SerializedError } from './engine-api';
import { EngineCallError } from './engine-call-error';
import { isWorkerResponse, type EngineCall, type EngineCallResult, type WorkerRequest } from './worker-messages';

interface PendingCall {
  readonly onProgress: ((progress: LoadProgress) => void) | undefined;
  readonly settle: (result: EngineCallResult) => void;
  readonly reject: (error: EngineCallError) => void;
}

const WORKER_CRASHED: SerializedError = {
  code: 'WORKER_FAILED',
  message: 'The background engine stopped working. Reload the page to start it again.',
};

const MESSAGE_UNREADABLE: SerializedError = {
  code: 'WORKER_FAILED',
  message: 'A reply from the background engine could not be read. Reload the page and try again.',
};

/**
 * AppEngineApi (the engine and the person's data controls) over postMessage to an engine worker (see worker/engine.worker.ts). Failures reject with
 * EngineCallError. If the worker crashes, every pending and later call rejects with `WORKER_FAILED`;
 * an unreadable reply fails the calls that were pending. The caller owns `worker` (and terminates it).
 */
export function createWorkerEngine(worker: Worker): AppEngineApi {
  const pending = new Map<number, PendingCall>();
  let nextId = 1;
  let crashed = false;

  function rejectAllPending(error: SerializedError): void {
    for (const call of pending.values()) call.reject(new EngineCallError(error));
    pending.clear();
  }

  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isWorkerResponse(message)) return;
    const call = pending.get(message.id);
    if (!call) return;
    switch (message.kind) {
      case 'progress':
        call.onProgress?.(message.progress);
        return;
      case 'error':
        pending.delete(message.id);
        call.reject(new EngineCallError(message.error));
        return;
      case 'result':
        pending.delete(message.id);
        call.settle(message);
        return;
    }
  });

  worker.addEventListener('error', (event: ErrorEvent) => {
    crashed = true;
    const detail = event.message ? ` (${event.message})` : '';
    rejectAllPending({ ...WORKER_CRASHED, message: `${WORKER_CRASHED.message}${detail}` });
  });

  worker.addEventListener('messageerror', () => {
    rejectAllPending(MESSAGE_UNREADABLE);
  });

  /** Sends one call; `pick` narrows the worker's result to the type this call resolves with. */
  function send<T>(
    call: EngineCall,
    pick: (result: EngineCallResult) => T,
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<T> {
    if (crashed) return Promise.reject(new EngineCallError(WORKER_CRASHED));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, {
        onProgress,
        reject,
        settle: (result) => {
          try {
            resolve(pick(result));
          } catch (error) {
            reject(error instanceof EngineCallError ? error : new EngineCallError(MESSAGE_UNREADABLE));
          }
        },
      });
      const request: WorkerRequest = { ...call, id };
      try {
        worker.postMessage(request);
      } catch (error) {
        // Structured clone refuses values such as functions; the call never reached the worker.
        pending.delete(id);
        const reason = error instanceof Error ? error.message : String(error);
        reject(new EngineCallError({ code: 'INVALID_INPUT', message: `The ${call.method} request could not be sent to the engine (${reason}). Pass plain data only.` }));
      }
    });
  }

  function mismatch(expected: EngineCall['method'], got: EngineCallResult): never {
    throw new EngineCallError({
      code: 'INTERNAL',
      message: `The engine answered a ${expected} call with a ${got.method} result. Reload the page; if it happens again, report it.`,
    });
  }

  return {
    init(options, onProgress) {
      return send(
        { method: 'init', options },
        (reply) => (reply.method === 'init' ? reply.result : mismatch('init', reply)),
        onProgress,
      );
    },
    storedPerson() {
      return send({ method: 'storedPerson' }, (reply) => (reply.method === 'storedPerson' ? reply.result : mismatch('storedPerson', reply)));
    },
    catalog() {
      return send({ method: 'catalog' }, (reply) => (reply.method === 'catalog' ? reply.result : mismatch('catalog', reply)));
    },
    embed(texts) {
      return send({ method: 'embed', texts }, (reply) => (reply.method === 'embed' ? reply.result : mismatch('embed', reply)));
    },
    search(query, limit) {
      return send({ method: 'search', query, limit }, (reply) => (reply.method === 'search' ? reply.result : mismatch('search', reply)));
    },
    setProfile(profile) {
      return send({ method: 'setProfile', profile }, (reply) => (reply.method === 'setProfile' ? reply.result : mismatch('setProfile', reply)));
    },
    recordEvent(event) {
      return send({ method: 'recordEvent', event }, (reply) => (reply.method === 'recordEvent' ? reply.result : mismatch('recordEvent', reply)));
    },
    recommend(options) {
      return send({ method: 'recommend', options }, (reply) => (reply.method === 'recommend' ? reply.result : mismatch('recommend', reply)));
    },
    async dispose() {
      await send({ method: 'dispose' }, (reply) => (reply.method === 'dispose' ? undefined : mismatch('dispose', reply)));
    },
    storageStatus() {
      return send({ method: 'storageStatus' }, (reply) => (reply.method === 'storageStatus' ? reply.result : mismatch('storageStatus', reply)));
    },
    unlock(passphrase) {
      return send({ method: 'unlock', passphrase }, (reply) => (reply.method === 'unlock' ? reply.result : mismatch('unlock', reply)));
    },
    setPassphrase(passphrase) {
      return send({ method: 'setPassphrase', passphrase }, (reply) => (reply.method === 'setPassphrase' ? reply.result : mismatch('setPassphrase', reply)));
    },
    storedData() {
      return send({ method: 'storedData' }, (reply) => (reply.method === 'storedData' ? reply.result : mismatch('storedData', reply)));
    },
    exportData() {
      return send({ method: 'exportData' }, (reply) => (reply.method === 'exportData' ? reply.result : mismatch('exportData', reply)));
    },
    importData(json) {
      return send({ method: 'importData', json }, (reply) => (reply.method === 'importData' ? reply.result : mismatch('importData', reply)));
    },
    setRetention(days) {
      return send({ method: 'setRetention', days }, (reply) => (reply.method === 'setRetention' ? reply.result : mismatch('setRetention', reply)));
    },
    eraseAll() {
      return send({ method: 'eraseAll' }, (reply) => (reply.method === 'eraseAll' ? reply.result : mismatch('eraseAll', reply)));
    },
    workerRequests() {
      return send({ method: 'workerRequests' }, (reply) => (reply.method === 'workerRequests' ? reply.result : mismatch('workerRequests', reply)));
    },
    personas() {
      return send({ method: 'personas' }, (reply) => (reply.method === 'personas' ? reply.result : mismatch('personas', reply)));
    },
    switchPerson(target) {
      return send({ method: 'switchPerson', target }, (reply) => (reply.method === 'switchPerson' ? reply.result : mismatch('switchPerson', reply)));
    },
    resetPersona(id) {
      return send({ method: 'resetPersona', persona: id }, (reply) => (reply.method === 'resetPersona' ? reply.result : mismatch('resetPersona', reply)));
    },
    recommendFor(id, options) {
      return send({ method: 'recommendFor', persona: id, options }, (reply) => (reply.method === 'recommendFor' ? reply.result : mismatch('recommendFor', reply)));
    },
  };
}
