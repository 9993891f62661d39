/**
 * Records every request and WebSocket of a browser context through Playwright: the page's, its
 * dedicated workers' (Playwright attaches to them and reports their requests on the page) and any
 * service worker's (with `serviceWorkers: 'allow'`, reported on the context). Beacons and pings
 * arrive as POST requests of type `ping`.
 */
import type { BrowserContext, Page, Request, WebSocket } from '@playwright/test';
import type { CapturedRequest, CapturedWebSocket } from './rules';

/** How long to wait for a request's full headers (Chromium sends the final ones separately). */
const HEADERS_TIMEOUT_MS = 10_000;

export interface PlaywrightCapture {
  /** Starts recording `page`'s WebSockets (requests are recorded for the whole context already). */
  watchPage(page: Page): void;
  /** Everything recorded, once every request's headers and outcome are in. */
  settle(): Promise<{ requests: CapturedRequest[]; webSockets: CapturedWebSocket[] }>;
  /** Scripts of the dedicated and service workers that started, for the report. */
  readonly workers: string[];
}

/** Full headers (cookies and the like included), or the ones Playwright had at once if those never come. */
async function requestHeaders(request: Request): Promise<Record<string, string>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      resolve(null);
    }, HEADERS_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([request.allHeaders(), timeout])) ?? request.headers();
  } catch {
    return request.headers();
  } finally {
    clearTimeout(timer);
  }
}

/** A navigation of the page itself (not of a frame inside it). */
function isTopLevelNavigation(request: Request): boolean {
  if (!request.isNavigationRequest()) return false;
  try {
    return request.frame().parentFrame() === null;
  } catch {
    // frame() throws for service-worker requests, which are never navigations of the page.
    return false;
  }
}

export function capturePlaywright(context: BrowserContext): PlaywrightCapture {
  // Headers are asked for at once: Playwright may drop what it knows about a request once the page is gone.
  const seen: { request: Request; headers: Promise<Record<string, string>> }[] = [];
  const outcomes = new Map<Request, Promise<string>>();
  const sockets: { socket: WebSocket; sent: string[] }[] = [];
  const workers: string[] = [];

  context.on('request', (request) => {
    seen.push({ request, headers: requestHeaders(request) });
  });
  context.on('requestfinished', (request) => {
    outcomes.set(
      request,
      request.response().then(
        (response) => (response ? `HTTP ${response.status()}` : 'no response'),
        () => 'no response',
      ),
    );
  });
  context.on('requestfailed', (request) => {
    outcomes.set(request, Promise.resolve(`failed: ${request.failure()?.errorText ?? 'unknown'}`));
  });
  context.on('serviceworker', (worker) => workers.push(`service worker ${worker.url()}`));

  return {
    workers,
    watchPage(page) {
      page.on('worker', (worker) => workers.push(`worker ${worker.url()}`));
      page.on('websocket', (socket) => {
        const sent: string[] = [];
        socket.on('framesent', ({ payload }) => sent.push(typeof payload === 'string' ? payload : payload.toString('latin1')));
        sockets.push({ socket, sent });
      });
    },
    async settle() {
      const requests = await Promise.all(
        seen.map(async ({ request, headers }, index): Promise<CapturedRequest> => {
          const buffer = request.postDataBuffer();
          return {
            id: index + 1,
            source: 'playwright',
            method: request.method(),
            url: request.url(),
            resourceType: request.resourceType(),
            topLevelNavigation: isTopLevelNavigation(request),
            headers: await headers,
            body: buffer ? buffer.toString('latin1') : null,
            bodyBytes: buffer?.length ?? 0,
            initiator: request.serviceWorker() ? 'service worker' : 'page or worker',
            outcome: (await outcomes.get(request)) ?? 'unfinished',
            netLogOutcome: null,
          };
        }),
      );
      const webSockets = sockets.map(({ socket, sent }, index) => ({ id: index + 1, url: socket.url(), sent }));
      return { requests, webSockets };
    },
  };
}
