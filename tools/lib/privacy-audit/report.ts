/**
 * The audit's report: `report.json` for machines (`requests`, `violations`, `canaries`, `passed`
 * first, then every request in full) and a self-contained `report.html` for people (no external
 * resource, every captured string escaped).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CapturedRequest, CapturedWebSocket, Violation } from './rules';

/** Request bodies longer than this are cut in the report (the rules read them whole). */
export const REPORT_BODY_LIMIT = 4096;

/** What the scripted session did and saw. */
export interface SessionSummary {
  /** Every step ran; when false, `error` says where it stopped and the audit fails. */
  readonly completed: boolean;
  readonly error: string | null;
  /** The backend the app reported (`wasm` expected). */
  readonly backend: string | null;
  /** The Content-Security-Policy header of the page's response, or null when it had none. */
  readonly cspHeader: string | null;
  /** Product events recorded (clicks, views, favourites, compares, applies, dismissals). */
  readonly interactions: number;
  readonly interactionCounts: Readonly<Record<string, number>>;
  readonly productsVisited: number;
  readonly searches: number;
  /** The export file: its size and which canaries it holds (it is local, so holding them is right). */
  readonly exportFile: { readonly bytes: number; readonly events: number | null; readonly canariesFound: readonly string[] } | null;
  readonly imported: boolean;
  readonly erased: boolean;
  /** What happened, in order, with the time since the session started. */
  readonly steps: readonly string[];
}

export interface CaptureSummary {
  readonly playwrightRequests: number;
  readonly netLog: { readonly requests: number; readonly paired: number; readonly missedByPlaywright: number; readonly browserOwn: number } | null;
  readonly workers: readonly string[];
}

/** What the report says about the run, as the audit gives it and as the report carries it. */
interface AuditRun {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationsMs: Readonly<Record<string, number>>;
  readonly origin: string;
  readonly plantedLeak: boolean;
  readonly buildFiles: number;
  readonly canaryValues: readonly string[];
  readonly session: SessionSummary;
  readonly capture: CaptureSummary;
}

export interface ReportInput extends AuditRun {
  /** Ids are unique across requests, WebSockets and the browser's own requests: violations name them. */
  readonly requests: readonly CapturedRequest[];
  readonly webSockets: readonly CapturedWebSocket[];
  readonly browserRequests: readonly CapturedRequest[];
  readonly violations: readonly Violation[];
}

export interface ReportedRequest extends Omit<CapturedRequest, 'body'> {
  /** The body as latin1 text, cut at REPORT_BODY_LIMIT characters. */
  readonly body: string | null;
  readonly violations: readonly string[];
}

export interface AuditReport extends AuditRun {
  readonly requests: number;
  readonly violations: readonly Violation[];
  readonly canaries: number;
  readonly passed: boolean;
  readonly interactions: number;
  readonly searches: number;
  readonly requestList: readonly ReportedRequest[];
  readonly webSocketList: readonly CapturedWebSocket[];
  /** Chromium's own requests (NetLog, no initiating origin): listed, checked for canaries only. */
  readonly browserRequestList: readonly ReportedRequest[];
}

function reported(request: CapturedRequest, violations: readonly Violation[]): ReportedRequest {
  return {
    ...request,
    body: request.body === null ? null : request.body.slice(0, REPORT_BODY_LIMIT),
    violations: violations.filter((violation) => violation.id === request.id).map((violation) => `${violation.kind}: ${violation.detail}`),
  };
}

/**
 * The report. It passes only when the session ran to its end, something was requested (an empty
 * capture proves nothing) and no rule was broken.
 */
export function buildReport(input: ReportInput): AuditReport {
  return {
    requests: input.requests.length,
    violations: input.violations,
    canaries: input.canaryValues.length,
    passed: input.session.completed && input.requests.length > 0 && input.violations.length === 0,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    durationsMs: input.durationsMs,
    origin: input.origin,
    plantedLeak: input.plantedLeak,
    buildFiles: input.buildFiles,
    interactions: input.session.interactions,
    searches: input.session.searches,
    canaryValues: input.canaryValues,
    session: input.session,
    capture: input.capture,
    requestList: input.requests.map((request) => reported(request, input.violations)),
    webSocketList: input.webSockets,
    browserRequestList: input.browserRequests.map((request) => reported(request, input.violations)),
  };
}

/** `text` safe anywhere in HTML: element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function table(headings: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '<p>None.</p>';
  const head = headings.map((heading) => `<th scope="col">${escapeHtml(heading)}</th>`).join('');
  // Cells arrive as HTML: callers escape what they put in.
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function headersCell(headers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  if (lines.length === 0) return '';
  return `<details><summary>${lines.length} headers</summary><pre>${escapeHtml(lines.join('\n'))}</pre></details>`;
}

function requestRows(requests: readonly ReportedRequest[]): string[][] {
  return requests.map((request) => [
    String(request.id),
    escapeHtml(request.method),
    `<code>${escapeHtml(request.url)}</code>`,
    escapeHtml(`${request.resourceType} · ${request.initiator} · ${request.source}`),
    escapeHtml(request.netLogOutcome === null || request.netLogOutcome === request.outcome ? request.outcome : `${request.outcome} (NetLog: ${request.netLogOutcome})`),
    headersCell(request.headers),
    request.bodyBytes === 0 ? '' : `<pre>${escapeHtml(request.body ?? `(${request.bodyBytes} bytes, content not recorded)`)}</pre>`,
    request.violations.length === 0 ? '<span class="ok">ok</span>' : `<ul class="bad">${request.violations.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</ul>`,
  ]);
}

/** The report as one HTML page with its style inline and nothing to fetch. */
export function renderReportHtml(report: AuditReport): string {
  const verdict = report.passed ? 'PASSED' : 'FAILED';
  const session = report.session;
  const facts: [string, string][] = [
    ['Verdict', verdict],
    ['Requests (app)', String(report.requests)],
    ['Violations', String(report.violations.length)],
    ['Canaries', `${report.canaries}: ${report.canaryValues.join(', ')}`],
    ['Session', session.completed ? 'completed' : `stopped: ${session.error ?? 'unknown'}`],
    ['Interactions', `${report.interactions} (${Object.entries(session.interactionCounts).map(([kind, count]) => `${kind} ${count}`).join(', ')}) on ${session.productsVisited} product pages`],
    ['Searches', String(report.searches)],
    ['Backend', session.backend ?? 'unknown'],
    ['Content-Security-Policy header', session.cspHeader ?? 'none'],
    ['Export file', session.exportFile ? `${session.exportFile.bytes} bytes, ${session.exportFile.events ?? '?'} events, canaries in it: ${session.exportFile.canariesFound.join(', ') || 'none'}` : 'not exported'],
    ['Import / erase', `${session.imported ? 'imported' : 'not imported'} / ${session.erased ? 'erased' : 'not erased'}`],
    ['Origin', report.origin],
    ['Planted leak build', report.plantedLeak ? 'yes' : 'no'],
    ['Build files', String(report.buildFiles)],
    ['Capture', `Playwright ${report.capture.playwrightRequests} requests; ${report.capture.netLog ? `NetLog ${report.capture.netLog.requests} (paired ${report.capture.netLog.paired}, missed by Playwright ${report.capture.netLog.missedByPlaywright}, browser's own ${report.capture.netLog.browserOwn})` : 'no NetLog'}`],
    ['Workers', report.capture.workers.join(', ') || 'none'],
    ['Started / finished', `${report.startedAt} / ${report.finishedAt}`],
    ['Durations (ms)', Object.entries(report.durationsMs).map(([stage, ms]) => `${stage} ${ms}`).join(', ')],
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Privacy audit: ${verdict}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; }
h1 { margin-top: 0; } .passed { color: #0a6b2d; } .failed { color: #a40e0e; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } code, pre { font-size: 12px; word-break: break-all; white-space: pre-wrap; margin: 0; }
.ok { color: #0a6b2d; } .bad { color: #a40e0e; margin: 0; padding-left: 1rem; }
</style>
</head>
<body>
<h1 class="${report.passed ? 'passed' : 'failed'}">Privacy audit: ${verdict}</h1>
<p>Every request the app made during a scripted session (page, workers, service workers; Playwright, cross-checked with Chromium's NetLog), judged by: GET only, same origin, a file of the build, no query string (but the page's own <code>${escapeHtml('?backend=')}</code>), no body, no canary in URL, headers or body (as typed, any case, percent-encoded, base64); no WebSocket.</p>
<h2>Summary</h2>
<table><tbody>
${facts.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n')}
</tbody></table>
<h2>Violations (${report.violations.length})</h2>
${table(['Id', 'Kind', 'Method', 'URL', 'Detail'], report.violations.map((violation) => [String(violation.id), escapeHtml(violation.kind), escapeHtml(violation.method), `<code>${escapeHtml(violation.url)}</code>`, escapeHtml(violation.detail)]))}
<h2>Requests (${report.requestList.length})</h2>
${table(['Id', 'Method', 'URL', 'Type · initiator · seen by', 'Outcome', 'Headers', 'Body', 'Verdict'], requestRows(report.requestList))}
<h2>WebSockets (${report.webSocketList.length})</h2>
${table(['Id', 'URL', 'Frames sent'], report.webSocketList.map((socket) => [String(socket.id), `<code>${escapeHtml(socket.url)}</code>`, `<pre>${escapeHtml(socket.sent.join('\n'))}</pre>`]))}
<h2>The browser's own requests (${report.browserRequestList.length})</h2>
<p>Made by Chromium for itself (sign-in, component updates, autofill), seen only in its NetLog with no initiating origin: not the app's, so only checked for canaries.</p>
${table(['Id', 'Method', 'URL', 'Type · initiator · seen by', 'Outcome', 'Headers', 'Body', 'Verdict'], requestRows(report.browserRequestList))}
<h2>Session steps</h2>
<ol>${session.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('\n')}</ol>
</body>
</html>
`;
}

/** Writes report.json and report.html into `dir`; returns their paths. */
export async function writeReport(dir: string, report: AuditReport): Promise<{ json: string; html: string }> {
  await mkdir(dir, { recursive: true });
  const json = join(dir, 'report.json');
  const html = join(dir, 'report.html');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(html, renderReportHtml(report));
  return { json, html };
}
