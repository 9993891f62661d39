/**
 * The privacy audit's verdicts (tools/lib/privacy-audit/), on hand-made request records: no
 * network, no browser. `npm run audit:privacy` applies the same rules to a real session.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { base64Forms, findCanaries, makeCanary } from '../tools/lib/privacy-audit/canary';
import { compareWithNetLog, netLogRequests, parseNetLogText, type NetLogRequest } from '../tools/lib/privacy-audit/netlog';
import { buildReport, escapeHtml, renderReportHtml, REPORT_BODY_LIMIT, writeReport, type ReportInput, type SessionSummary } from '../tools/lib/privacy-audit/report';
import {
  auditViolations,
  buildFileForPath,
  requestViolations,
  webSocketViolations,
  type AuditRules,
  type CapturedRequest,
  type ViolationKind,
} from '../tools/lib/privacy-audit/rules';
import { buildApp, buildFilePaths } from '../tools/lib/privacy-audit/served-build';
import { PLANTED_LEAK_ENDPOINT } from '../src/privacy/planted-leak';
import { repoRoot } from './helpers/models';

const ORIGIN = 'http://localhost:4180';
const CANARY = 'pfr-canary-goals-0123456789ab';
/** A canary that percent-encoding changes (space, slash, ampersand, accent). */
const AWKWARD_CANARY = 'Zq canary/é&7';

const RULES: AuditRules = {
  origin: ORIGIN,
  buildFiles: new Set(['/index.html', '/assets/index-abc.js', '/assets/a b.js', '/models/encoder/weights.bin']),
  navigationQuery: '?backend=wasm',
  canaries: [CANARY, AWKWARD_CANARY],
};

let nextId = 0;
/** A same-origin GET of a build file, with `overrides`. */
function request(overrides: Partial<CapturedRequest> = {}): CapturedRequest {
  return {
    id: ++nextId,
    source: 'playwright',
    method: 'GET',
    url: `${ORIGIN}/assets/index-abc.js`,
    resourceType: 'script',
    topLevelNavigation: false,
    headers: { accept: '*/*', referer: `${ORIGIN}/?backend=wasm` },
    body: null,
    bodyBytes: 0,
    initiator: 'page or worker',
    outcome: 'HTTP 200',
    netLogOutcome: null,
    ...overrides,
  };
}

const kinds = (found: readonly { kind: ViolationKind }[]) => [...new Set(found.map((violation) => violation.kind))].sort();
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('canaries', () => {
  it('are fresh, recognisable strings', () => {
    expect(makeCanary('goals', () => 'abc123')).toBe('pfr-canary-goals-abc123');
    expect(makeCanary('goals')).not.toBe(makeCanary('goals'));
  });

  it('are found as typed, in any letter case, and not where absent', () => {
    expect(findCanaries(`goals=${CANARY}`, [CANARY])).toEqual([CANARY]);
    expect(findCanaries(CANARY.toUpperCase(), [CANARY])).toEqual([CANARY]);
    expect(findCanaries('pfr-canary-goals-0123', [CANARY])).toEqual([]);
    expect(findCanaries('', [CANARY])).toEqual([]);
  });

  it('are found percent-encoded, twice encoded and form-encoded', () => {
    const once = encodeURIComponent(AWKWARD_CANARY);
    expect(once).not.toContain(AWKWARD_CANARY);
    expect(findCanaries(`/track?q=${once}`, [AWKWARD_CANARY])).toEqual([AWKWARD_CANARY]);
    expect(findCanaries(`/track?q=${encodeURIComponent(once)}`, [AWKWARD_CANARY])).toEqual([AWKWARD_CANARY]);
    expect(findCanaries(`q=${new URLSearchParams({ q: AWKWARD_CANARY }).toString()}`, [AWKWARD_CANARY])).toEqual([AWKWARD_CANARY]);
    // Every character escaped, letters included, and a malformed escape elsewhere in the text.
    const everyChar = [...Buffer.from(CANARY)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
    expect(findCanaries(`%zz ${everyChar}`, [CANARY])).toEqual([CANARY]);
  });

  it('are found in base64 at every alignment, standard and URL-safe, also percent-encoded', () => {
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const encoded = base64(`${prefix}{"goals":"${CANARY}"}`);
      expect(findCanaries(encoded, [CANARY]), `after ${prefix.length} bytes`).toEqual([CANARY]);
    }
    const urlSafe = base64(`??>${AWKWARD_CANARY}??>`).replace(/\+/g, '-').replace(/\//g, '_');
    expect(findCanaries(urlSafe, [AWKWARD_CANARY])).toEqual([AWKWARD_CANARY]);
    expect(findCanaries(encodeURIComponent(base64(`x${AWKWARD_CANARY}`)), [AWKWARD_CANARY])).toEqual([AWKWARD_CANARY]);
    expect(findCanaries(base64(CANARY.toUpperCase()), [CANARY])).toEqual([CANARY]);
    expect(findCanaries(base64('pfr-canary-goals-something-else'), [CANARY])).toEqual([]);
  });

  it('have base64 forms only of digits that the canary alone decides', () => {
    for (const form of base64Forms(CANARY)) expect(form.length).toBeGreaterThanOrEqual(Math.floor((CANARY.length * 8) / 6) - 3);
  });
});

describe('request rules', () => {
  it('pass a same-origin GET of a build file, without body, query or canary', () => {
    expect(requestViolations(request(), RULES)).toEqual([]);
    expect(requestViolations(request({ url: `${ORIGIN}/models/encoder/weights.bin`, resourceType: 'fetch' }), RULES)).toEqual([]);
    // Percent-escapes in a path name the file they decode to.
    expect(requestViolations(request({ url: `${ORIGIN}/assets/a%20b.js` }), RULES)).toEqual([]);
  });

  it('map / (and any folder) to its index.html', () => {
    expect(buildFileForPath('/')).toBe('/index.html');
    expect(buildFileForPath('/docs/')).toBe('/docs/index.html');
    expect(buildFileForPath('/%E0%A4%A')).toBe('/%E0%A4%A');
    expect(requestViolations(request({ url: `${ORIGIN}/`, resourceType: 'document', topLevelNavigation: true }), RULES)).toEqual([]);
  });

  it("allow the page's own ?backend= on its top-level navigation only", () => {
    const page = `${ORIGIN}/?backend=wasm`;
    expect(requestViolations(request({ url: page, resourceType: 'document', topLevelNavigation: true }), RULES)).toEqual([]);
    expect(kinds(requestViolations(request({ url: `${ORIGIN}/?backend=cpu`, topLevelNavigation: true }), RULES))).toEqual(['query']);
    expect(kinds(requestViolations(request({ url: `${ORIGIN}/assets/index-abc.js?backend=wasm` }), RULES))).toEqual(['query']);
    expect(kinds(requestViolations(request({ url: `${ORIGIN}/assets/index-abc.js?v=1` }), RULES))).toEqual(['query']);
  });

  it('fail any method but GET, and any body', () => {
    const post = requestViolations(request({ method: 'POST', url: `${ORIGIN}/collect`, body: '{}', bodyBytes: 2 }), RULES);
    expect(kinds(post)).toEqual(['body', 'method', 'not-a-build-file']);
    expect(kinds(requestViolations(request({ method: 'HEAD' }), RULES))).toEqual(['method']);
    expect(kinds(requestViolations(request({ body: 'x', bodyBytes: 1 }), RULES))).toEqual(['body']);
    // A NetLog request: the size is known, not the content.
    expect(kinds(requestViolations(request({ source: 'netlog', body: null, bodyBytes: 40 }), RULES))).toEqual(['body']);
  });

  it('fail another origin: host, port or scheme', () => {
    for (const url of ['https://cdn.example.com/assets/index-abc.js', 'http://localhost:4173/assets/index-abc.js', 'https://localhost:4180/assets/index-abc.js', 'http://127.0.0.1:4180/index.html']) {
      expect(kinds(requestViolations(request({ url }), RULES)), url).toEqual(['cross-origin']);
    }
    expect(kinds(requestViolations(request({ url: 'not a url' }), RULES))).toEqual(['cross-origin']);
  });

  it('fail a path that is no file of the build, and a fragment', () => {
    expect(kinds(requestViolations(request({ url: `${ORIGIN}/api/profile` }), RULES))).toEqual(['not-a-build-file']);
    expect(kinds(requestViolations(request({ url: `${ORIGIN}/assets/` }), RULES))).toEqual(['not-a-build-file']);
    expect(kinds(requestViolations(request({ url: `${ORIGIN}/assets/index-abc.js#x` }), RULES))).toEqual(['fragment']);
  });

  it('fail a canary in the URL, a header value or the body, in any form', () => {
    const inUrl = requestViolations(request({ url: `${ORIGIN}/${CANARY}.js` }), RULES);
    expect(kinds(inUrl)).toEqual(['canary', 'not-a-build-file']);
    expect(inUrl.find((violation) => violation.kind === 'canary')?.detail).toBe(`canary ${CANARY} in URL`);

    const encodedQuery = requestViolations(request({ url: `${ORIGIN}/index.html?q=${encodeURIComponent(AWKWARD_CANARY)}` }), RULES);
    expect(kinds(encodedQuery)).toEqual(['canary', 'query']);

    const header = requestViolations(request({ headers: { 'x-context': base64(`goals:${CANARY}`) } }), RULES);
    expect(header.map((violation) => violation.detail)).toEqual([`canary ${CANARY} in header x-context`]);

    const body = JSON.stringify({ goals: `near ${AWKWARD_CANARY}`, raw: base64(CANARY) });
    const inBody = requestViolations(request({ method: 'POST', url: `${ORIGIN}/index.html`, body, bodyBytes: body.length }), RULES);
    expect(kinds(inBody)).toEqual(['body', 'canary', 'method']);
    expect(inBody.filter((violation) => violation.kind === 'canary').map((violation) => violation.detail)).toEqual([
      `canary ${CANARY} in body`,
      `canary ${AWKWARD_CANARY} in body`,
    ]);
  });

  it('fail every WebSocket, naming canaries in its URL or frames', () => {
    const socket = { id: 99, url: 'ws://localhost:4180/live', sent: ['hello', `{"q":"${CANARY}"}`] };
    const found = webSocketViolations(socket, RULES);
    expect(found.map((violation) => `${violation.kind} ${violation.detail}`)).toEqual(['websocket WebSocket opened', `canary canary ${CANARY} in frame 2`]);
    // A handshake seen as a request (NetLog): a WebSocket, and ws: is not the page's origin either.
    expect(kinds(requestViolations(request({ url: 'ws://localhost:4180/index.html' }), RULES))).toEqual(['cross-origin', 'websocket']);
  });

  it("check the browser's own requests for canaries only", () => {
    const own = request({ source: 'netlog', method: 'POST', url: 'https://accounts.google.com/ListAccounts?x=1', bodyBytes: 10, initiator: 'not an origin' });
    const leaking = request({ source: 'netlog', url: `https://autofill.example/q?text=${CANARY}`, initiator: 'not an origin' });
    const found = auditViolations({ requests: [request()], webSockets: [], browserRequests: [own, leaking] }, RULES);
    expect(found.map((violation) => [violation.id, violation.kind])).toEqual([[leaking.id, 'canary']]);
  });
});

describe('NetLog', () => {
  const constants = {
    logEventTypes: {
      URL_REQUEST_START_JOB: 1,
      HTTP_TRANSACTION_SEND_REQUEST_HEADERS: 2,
      HTTP_TRANSACTION_SEND_REQUEST_BODY: 3,
      UPLOAD_DATA_STREAM_INIT: 4,
      HTTP_TRANSACTION_READ_RESPONSE_HEADERS: 5,
      REQUEST_ALIVE: 6,
    },
    logSourceType: { URL_REQUEST: 1, SOCKET: 2 },
    logEventPhase: { PHASE_BEGIN: 1, PHASE_END: 2, PHASE_NONE: 0 },
  };
  const events = [
    { type: 1, phase: 1, source: { id: 7, type: 1 }, params: { method: 'GET', url: `${ORIGIN}/?backend=wasm`, initiator: 'not an origin' } },
    { type: 2, phase: 0, source: { id: 7, type: 1 }, params: { headers: ['Host: localhost:4180', 'Accept: text/html'], line: 'GET / HTTP/1.1' } },
    { type: 5, phase: 0, source: { id: 7, type: 1 }, params: { headers: ['HTTP/1.1 200 OK'] } },
    { type: 1, phase: 1, source: { id: 8, type: 1 }, params: { method: 'POST', url: `${ORIGIN}/collect`, initiator: ORIGIN } },
    { type: 4, phase: 2, source: { id: 8, type: 1 }, params: { total_size: 42 } },
    { type: 3, phase: 0, source: { id: 8, type: 1 }, params: { length: 42 } },
    { type: 1, phase: 1, source: { id: 9, type: 1 }, params: { method: 'GET', url: 'https://update.example/check', initiator: 'not an origin' } },
    { type: 1, phase: 2, source: { id: 9, type: 1 }, params: { net_error: -105 } },
    // Another source type: not a URL request.
    { type: 1, phase: 1, source: { id: 10, type: 2 }, params: { method: 'GET', url: 'http://ignored/' } },
  ];
  const text = JSON.stringify({ constants, events });

  it('lists every URL request job with its headers, body size and outcome', () => {
    const requests = netLogRequests(parseNetLogText(text));
    expect(requests).toEqual([
      { method: 'GET', url: `${ORIGIN}/?backend=wasm`, initiator: 'not an origin', headers: { host: 'localhost:4180', accept: 'text/html' }, bodyBytes: 0, outcome: 'HTTP/1.1 200 OK' },
      { method: 'POST', url: `${ORIGIN}/collect`, initiator: ORIGIN, headers: {}, bodyBytes: 42, outcome: 'unknown' },
      { method: 'GET', url: 'https://update.example/check', initiator: 'not an origin', headers: {}, bodyBytes: 0, outcome: 'net error -105' },
    ]);
  });

  it('reads a log cut short by a browser that did not close cleanly', () => {
    const cut = `{"constants":${JSON.stringify(constants)},"events":[\n${events
      .slice(0, 3)
      .map((event) => JSON.stringify(event))
      .join(',\n')},\n`;
    expect(netLogRequests(parseNetLogText(cut)).map((found) => found.url)).toEqual([`${ORIGIN}/?backend=wasm`]);
  });

  it("pairs Playwright's requests with the NetLog's, and sorts out what Playwright missed from the browser's own", () => {
    const logged = netLogRequests(parseNetLogText(text));
    const reported = [
      { method: 'GET', url: `${ORIGIN}/?backend=wasm` },
      // Served from the page's memory cache: Playwright reports it, the network stack never sees it.
      { method: 'GET', url: `${ORIGIN}/?backend=wasm` },
    ];
    const comparison = compareWithNetLog(reported, logged);
    expect(comparison.pairedOutcomes).toEqual(['HTTP/1.1 200 OK', null]);
    expect(comparison.missedByPlaywright.map((found: NetLogRequest) => found.url)).toEqual([`${ORIGIN}/collect`]);
    expect(comparison.browserOwn.map((found: NetLogRequest) => found.url)).toEqual(['https://update.example/check']);
  });
});

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** Every file of a build, as one text (latin1: byte for byte). */
async function buildText(dir: string): Promise<string> {
  const texts = await Promise.all([...(await buildFilePaths(dir))].map((path) => readFile(join(dir, path), 'latin1')));
  return texts.join('\n');
}

describe('build files', () => {
  it('are listed as URL paths, recursively', async () => {
    const dir = await scratchDir('audit-build-');
    await mkdir(join(dir, 'assets', 'deep'), { recursive: true });
    await Promise.all(['index.html', 'assets/app.js', 'assets/deep/w.wasm'].map((file) => writeFile(join(dir, file), '')));
    expect([...(await buildFilePaths(dir))].sort()).toEqual(['/assets/app.js', '/assets/deep/w.wasm', '/index.html']);
  });

  it('hold the planted leak only when built with its flag', async () => {
    const [normal, planted] = await Promise.all([scratchDir('audit-normal-'), scratchDir('audit-planted-')]);
    // One after the other: the flag is read from the environment.
    await buildApp(repoRoot, normal, false);
    await buildApp(repoRoot, planted, true);
    expect(await buildText(planted)).toContain(PLANTED_LEAK_ENDPOINT);
    const text = await buildText(normal);
    for (const trace of [PLANTED_LEAK_ENDPOINT, 'planted-leak', 'plantLeak', 'VITE_PRIVACY_AUDIT_PLANTED_LEAK']) expect(text).not.toContain(trace);
    expect(process.env.VITE_PRIVACY_AUDIT_PLANTED_LEAK).toBeUndefined();
  });
});

describe('report', () => {
  const session: SessionSummary = {
    completed: true,
    error: null,
    backend: 'wasm',
    cspHeader: "default-src 'self'",
    interactions: 60,
    interactionCounts: { view: 30, favourite: 30 },
    productsVisited: 30,
    searches: 4,
    exportFile: { bytes: 100, events: 60, canariesFound: [CANARY] },
    imported: true,
    erased: true,
    steps: ['+0.1 s  opened'],
  };
  const hostile = '<script>alert("x")</script>&\'';
  const requests = [
    request({ id: 1, url: `${ORIGIN}/index.html`, resourceType: 'document' }),
    request({ id: 2, method: 'POST', url: `${ORIGIN}/collect?${hostile}`, headers: { 'x-note': hostile }, body: `${hostile}${'y'.repeat(REPORT_BODY_LIMIT)}`, bodyBytes: REPORT_BODY_LIMIT + 30 }),
  ];
  const input = (overrides: Partial<ReportInput> = {}): ReportInput => {
    const base = {
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:01:00.000Z',
      durationsMs: { build: 1000, session: 50_000, total: 52_000 },
      origin: ORIGIN,
      plantedLeak: false,
      buildFiles: 17,
      canaryValues: [CANARY, AWKWARD_CANARY],
      session,
      capture: { playwrightRequests: 2, netLog: { requests: 2, paired: 2, missedByPlaywright: 0, browserOwn: 0 }, workers: ['worker x'] },
      requests,
      webSockets: [],
      browserRequests: [],
      violations: [],
      ...overrides,
    };
    return { ...base, violations: overrides.violations ?? auditViolations(base, RULES) };
  };

  it('starts with requests, violations, canaries and passed, then lists every request with its verdict', () => {
    const report = buildReport(input());
    expect(Object.keys(report).slice(0, 4)).toEqual(['requests', 'violations', 'canaries', 'passed']);
    expect(report.requests).toBe(2);
    expect(report.canaries).toBe(2);
    expect(report.passed).toBe(false);
    expect(kinds(report.violations)).toEqual(['body', 'method', 'not-a-build-file', 'query']);
    expect(report.requestList.map((listed) => listed.id)).toEqual([1, 2]);
    expect(report.requestList[0]?.violations).toEqual([]);
    expect(report.requestList[1]?.violations).toContain('method: POST instead of GET');
    expect(report.requestList[1]?.body).toHaveLength(REPORT_BODY_LIMIT);
    expect(report.requestList[1]?.bodyBytes).toBe(REPORT_BODY_LIMIT + 30);
  });

  it('passes only a completed session that requested something and broke no rule', () => {
    const clean = [requests[0]!];
    expect(buildReport(input({ requests: clean })).passed).toBe(true);
    expect(buildReport(input({ requests: [] })).passed).toBe(false);
    expect(buildReport(input({ requests: clean, session: { ...session, completed: false, error: 'stopped' } })).passed).toBe(false);
  });

  it('is HTML with everything captured escaped and nothing to fetch', async () => {
    const html = renderReportHtml(buildReport(input()));
    expect(html).not.toContain('<script');
    expect(html).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;');
    // No external resource: no src or href attribute, no CSS url(), no @import.
    expect(html).not.toMatch(/\s(?:src|href)\s*=|url\(|@import/i);
    expect(html).toContain('Privacy audit: FAILED');

    const dir = await scratchDir('audit-report-');
    const paths = await writeReport(dir, buildReport(input({ requests: [requests[0]!] })));
    const written = JSON.parse(await readFile(paths.json, 'utf8')) as { requests: number; passed: boolean; violations: unknown[]; canaries: number };
    expect([written.requests, written.passed, written.violations, written.canaries]).toEqual([1, true, [], 2]);
    expect(await readFile(paths.html, 'utf8')).toContain('Privacy audit: PASSED');
  });
});
