/**
 * The audit's verdict on each network event, as pure functions. The app may make one kind of request
 * only: a GET, without a body, of a file of its own build, on its own origin, with no query string
 * (except the `?backend=` of the top-level page the audit itself opens) and no canary anywhere.
 * Anything else is a violation, and so is any WebSocket.
 */
import { findCanaries } from './canary';

/** Who saw the request: Playwright (page, its workers, service workers) or only Chromium's NetLog. */
export type RequestSource = 'playwright' | 'netlog';

/** One HTTP request as captured, with everything the rules look at. */
export interface CapturedRequest {
  readonly id: number;
  readonly source: RequestSource;
  readonly method: string;
  readonly url: string;
  /** Playwright's resource type (document, script, fetch, beacon…), or 'unknown' for NetLog-only requests. */
  readonly resourceType: string;
  /** A top-level navigation of the page (its own address may carry the audit's `?backend=`). */
  readonly topLevelNavigation: boolean;
  /** Header names lower-cased; empty when unknown (NetLog). */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body read as latin1 (one character per byte); null when there is none or it is unknown (NetLog). */
  readonly body: string | null;
  /** Size of the body; the NetLog knows it even where it does not record the content. */
  readonly bodyBytes: number;
  /** 'page or worker', 'service worker', or the NetLog's initiator origin ('not an origin' for the browser's own). */
  readonly initiator: string;
  /** Response status, or the failure text when it never got one. */
  readonly outcome: string;
  /** What the NetLog saw of the same request (the server's status line, or a net error); null when unpaired. */
  readonly netLogOutcome: string | null;
}

export interface CapturedWebSocket {
  readonly id: number;
  readonly url: string;
  /** Frames sent, as text (binary frames as latin1). */
  readonly sent: readonly string[];
}

export type ViolationKind =
  | 'method'
  | 'cross-origin'
  | 'not-a-build-file'
  | 'query'
  | 'fragment'
  | 'body'
  | 'canary'
  | 'websocket';

export interface Violation {
  readonly kind: ViolationKind;
  /** The request's or WebSocket's id in the report's lists. */
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly detail: string;
}

export interface AuditRules {
  /** The app's origin, e.g. `http://localhost:4180`. */
  readonly origin: string;
  /** URL paths of the build's files (`/assets/index-abc.js`), as listed by `buildFilePaths`. */
  readonly buildFiles: ReadonlySet<string>;
  /** The only query string allowed, and only on top-level navigations (e.g. `?backend=wasm`). */
  readonly navigationQuery: string;
  readonly canaries: readonly string[];
}

/** The file a URL path names: `/` and any `dir/` mean their index.html, as the preview server serves them. */
export function buildFileForPath(pathname: string): string {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes name no file; kept as sent so that the report shows them.
    path = pathname;
  }
  return path.endsWith('/') ? `${path}index.html` : path;
}

/** Every violation in one request. */
export function requestViolations(request: CapturedRequest, rules: AuditRules): Violation[] {
  const found: Violation[] = [];
  const add = (kind: ViolationKind, detail: string) => {
    found.push({ kind, id: request.id, method: request.method, url: request.url, detail });
  };
  if (request.method.toUpperCase() !== 'GET') add('method', `${request.method} instead of GET`);

  let url: URL | null = null;
  try {
    url = new URL(request.url);
  } catch {
    add('cross-origin', 'not a valid URL');
  }
  if (url) {
    if (url.origin !== rules.origin) {
      add('cross-origin', `origin ${url.origin}, not ${rules.origin}`);
    } else if (!rules.buildFiles.has(buildFileForPath(url.pathname))) {
      add('not-a-build-file', `${url.pathname} is not a file of the build`);
    }
    const queryAllowed = request.topLevelNavigation && url.search === rules.navigationQuery;
    if (url.search !== '' && !queryAllowed) add('query', `query string ${url.search}`);
    if (url.protocol === 'ws:' || url.protocol === 'wss:') add('websocket', 'WebSocket handshake');
  }
  // Browsers never send a fragment; one here means a URL was built by hand.
  if (request.url.includes('#')) add('fragment', `fragment ${request.url.slice(request.url.indexOf('#'))}`);
  if (request.bodyBytes > 0) add('body', `${request.bodyBytes}-byte body`);

  found.push(...canaryViolations(request, rules));
  return found;
}

/** A canary anywhere in a request: its URL, a header value or its body. */
export function canaryViolations(request: CapturedRequest, rules: AuditRules): Violation[] {
  const places: [string, string][] = [
    ['URL', request.url],
    ...Object.entries(request.headers).map(([name, value]): [string, string] => [`header ${name}`, value]),
    ['body', request.body ?? ''],
  ];
  return places.flatMap(([place, text]) =>
    findCanaries(text, rules.canaries).map(
      (canary): Violation => ({ kind: 'canary', id: request.id, method: request.method, url: request.url, detail: `canary ${canary} in ${place}` }),
    ),
  );
}

/** A WebSocket is a violation in itself (the app has no reason to open one); canaries in its URL or frames are named too. */
export function webSocketViolations(socket: CapturedWebSocket, rules: AuditRules): Violation[] {
  const found: Violation[] = [{ kind: 'websocket', id: socket.id, method: 'WEBSOCKET', url: socket.url, detail: 'WebSocket opened' }];
  for (const [place, text] of [['URL', socket.url], ...socket.sent.map((frame, index) => [`frame ${index + 1}`, frame])] as const) {
    for (const canary of findCanaries(text, rules.canaries)) {
      found.push({ kind: 'canary', id: socket.id, method: 'WEBSOCKET', url: socket.url, detail: `canary ${canary} in ${place}` });
    }
  }
  return found;
}

/** What a session sent: the app's requests, its WebSockets, and what the browser requested for itself. */
export interface SessionTraffic {
  readonly requests: readonly CapturedRequest[];
  readonly webSockets: readonly CapturedWebSocket[];
  /**
   * Requests Chromium made on its own account (sign-in, component updates, autofill), seen only in
   * the NetLog with no initiating origin. They are not the app's, so only the canary rule applies.
   */
  readonly browserRequests: readonly CapturedRequest[];
}

/** Every violation of a whole session, in capture order: requests, WebSockets, then the browser's own requests. */
export function auditViolations(traffic: SessionTraffic, rules: AuditRules): Violation[] {
  return [
    ...traffic.requests.flatMap((request) => requestViolations(request, rules)),
    ...traffic.webSockets.flatMap((socket) => webSocketViolations(socket, rules)),
    ...traffic.browserRequests.flatMap((request) => canaryViolations(request, rules)),
  ];
}
