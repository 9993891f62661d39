/**
 * Reads Chromium's NetLog (`--log-net-log=FILE`): the browser's network stack's own record of every
 * URL request it was asked to make, from any page, worker or service worker, and from the browser
 * itself. It is the audit's second, independent witness: Playwright reports what the pages and
 * workers it instruments ask for; the NetLog shows what reached the network stack, whoever asked.
 */

/** One URL request job in the NetLog (a redirect starts another). */
export interface NetLogRequest {
  readonly method: string;
  readonly url: string;
  /** The origin that caused it, or 'not an origin' for the browser's own requests and typed/automated navigations. */
  readonly initiator: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Bytes of request body sent (the NetLog's default capture mode records the size, not the content). */
  readonly bodyBytes: number;
  /** `HTTP 200`, `net error -105`, or 'unknown'. */
  readonly outcome: string;
}

interface NetLogEvent {
  readonly type: number;
  readonly phase?: number;
  readonly source: { readonly id: number; readonly type: number };
  readonly params?: Readonly<Record<string, unknown>>;
}

interface NetLogFile {
  readonly constants: {
    readonly logEventTypes: Readonly<Record<string, number>>;
    readonly logSourceType: Readonly<Record<string, number>>;
    readonly logEventPhase: Readonly<Record<string, number>>;
  };
  readonly events: readonly NetLogEvent[];
}

/**
 * Parses a NetLog file's text. A browser that did not shut down cleanly leaves the events list
 * unterminated; it is closed here, so that what was logged still counts.
 */
export function parseNetLogText(text: string): NetLogFile {
  try {
    return JSON.parse(text) as NetLogFile;
  } catch {
    return JSON.parse(`${text.trimEnd().replace(/,$/, '')}]}`) as NetLogFile;
  }
}

/** `Name: value` header lines as a record with lower-cased names. */
function headerRecord(lines: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!Array.isArray(lines)) return headers;
  for (const line of lines) {
    if (typeof line !== 'string') continue;
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Every URL request job in the log, in the order they started. */
export function netLogRequests(log: NetLogFile): NetLogRequest[] {
  const { logEventTypes: types, logSourceType: sources, logEventPhase: phases } = log.constants;
  const urlRequest = sources.URL_REQUEST;
  const startJob = types.URL_REQUEST_START_JOB;
  const sendHeaders = types.HTTP_TRANSACTION_SEND_REQUEST_HEADERS;
  const sendBody = types.HTTP_TRANSACTION_SEND_REQUEST_BODY;
  const uploadInit = types.UPLOAD_DATA_STREAM_INIT;
  const responseHeaders = types.HTTP_TRANSACTION_READ_RESPONSE_HEADERS;
  const requestAlive = types.REQUEST_ALIVE;

  interface Draft {
    method: string;
    url: string;
    initiator: string;
    headers: Record<string, string>;
    bodyBytes: number;
    outcome: string;
  }
  const drafts: Draft[] = [];
  // The job each source is on now: later events of that source (headers, body, response) belong to it.
  const current = new Map<number, Draft>();
  for (const event of log.events) {
    if (event.source.type !== urlRequest) continue;
    const params = event.params ?? {};
    const draft = current.get(event.source.id);
    if (event.type === startJob && event.phase === phases.PHASE_BEGIN) {
      const started: Draft = {
        method: typeof params.method === 'string' ? params.method : 'unknown',
        url: typeof params.url === 'string' ? params.url : '',
        initiator: typeof params.initiator === 'string' ? params.initiator : 'not an origin',
        headers: {},
        bodyBytes: 0,
        outcome: 'unknown',
      };
      drafts.push(started);
      current.set(event.source.id, started);
    } else if (!draft) {
      continue;
    } else if (event.type === sendHeaders) {
      draft.headers = headerRecord(params.headers);
    } else if ((event.type === sendBody && typeof params.length === 'number') || (event.type === uploadInit && typeof params.total_size === 'number')) {
      draft.bodyBytes = Math.max(draft.bodyBytes, Number(params.length ?? params.total_size));
    } else if (event.type === responseHeaders && Array.isArray(params.headers) && typeof params.headers[0] === 'string') {
      draft.outcome = params.headers[0];
    } else if ((event.type === startJob || event.type === requestAlive) && typeof params.net_error === 'number' && draft.outcome === 'unknown') {
      draft.outcome = `net error ${params.net_error}`;
    }
  }
  return drafts;
}

/** How the NetLog's requests relate to those Playwright reported. */
export interface NetLogComparison {
  /** For each Playwright request, in order, the NetLog's outcome of its pair (what the server answered), or null. */
  readonly pairedOutcomes: readonly (string | null)[];
  /** Requests with an initiating origin that Playwright did not report: a gap in its capture, audited like the rest. */
  readonly missedByPlaywright: readonly NetLogRequest[];
  /** Requests with no initiating origin that Playwright did not report: the browser's own. */
  readonly browserOwn: readonly NetLogRequest[];
}

/**
 * Pairs each NetLog request with one Playwright reported (same method and URL, in order). Playwright
 * may report more (requests served from the page's memory cache never reach the network stack); a
 * NetLog request left over is one Playwright missed.
 */
export function compareWithNetLog(reported: readonly { readonly method: string; readonly url: string }[], logged: readonly NetLogRequest[]): NetLogComparison {
  const waiting = new Map<string, number[]>();
  for (const [index, request] of reported.entries()) {
    const key = `${request.method} ${request.url}`;
    waiting.set(key, [...(waiting.get(key) ?? []), index]);
  }
  const pairedOutcomes: (string | null)[] = reported.map(() => null);
  const missedByPlaywright: NetLogRequest[] = [];
  const browserOwn: NetLogRequest[] = [];
  for (const request of logged) {
    const index = waiting.get(`${request.method} ${request.url}`)?.shift();
    if (index !== undefined) pairedOutcomes[index] = request.outcome;
    else if (request.initiator === 'not an origin') browserOwn.push(request);
    else missedByPlaywright.push(request);
  }
  return { pairedOutcomes, missedByPlaywright, browserOwn };
}
