import type { MessageKey, UiMessage } from '../i18n/message';
import type { ResourceRecord } from '../protocol/engine-api';

/**
 * The verdict of the network ledger, computed from the requests the browser recorded: "no request
 * carried personal data" holds when every request went to this site, for a file of this build, with
 * no query string, and was of a kind that carries no body (or a fetch, whose body the browser's
 * record does not show: the ledger says so rather than assume it).
 *
 * clean: every request checks out and everything could be checked. violations: at least one request
 * could not be shown free of personal data (see its problems). incomplete: none failed, but part of
 * the check could not be done (see `gaps`).
 */
export type LedgerVerdict = 'clean' | 'violations' | 'incomplete';

/**
 * The catalog keys of the ledger's problems and gaps. A known few: the UI renders them with <Trans>
 * (their technical parts marked as English), whose types cannot take every key of the catalog.
 */
export type LedgerMessageKey = Extract<MessageKey, `privacy.ledger.problems.${string}` | `privacy.ledger.gaps.${string}`>;

/** A problem of a request or a gap in the check, not yet in any language. */
export interface LedgerMessage extends UiMessage {
  readonly key: LedgerMessageKey;
}

export function ledgerMessage(key: LedgerMessageKey, values?: UiMessage['values']): LedgerMessage {
  return values ? { key, values } : { key };
}

/** A request's method as far as the ledger knows it: implied by what started it, or not visible. */
export type LedgerMethod = 'GET' | 'POST' | 'not visible';

/** The build's files (paths relative to the build folder), or why they are not known. */
export type BuildFiles = { readonly files: ReadonlySet<string> } | { readonly unavailable: string };

export interface LedgerRules {
  /** The page's origin (`location.origin`): every request must go there. */
  readonly origin: string;
  /** The path the app is served under ('/' or '/app/'), so that /app/assets/x.js is build file assets/x.js. */
  readonly basePath: string;
  readonly buildFiles: BuildFiles;
  /**
   * The query parameters the page's own address may have, each with the values the app reads
   * (`?backend=wasm`): the person typed or chose them. Anything else in it reached the server too
   * (a form that submitted itself would put its fields there), so it is flagged.
   */
  readonly pageParameters: Readonly<Record<string, readonly string[]>>;
}

export interface LedgerRow {
  readonly record: ResourceRecord;
  /** Path and query on this site, the whole address elsewhere; never the fragment, which is not sent. */
  readonly address: string;
  readonly method: LedgerMethod;
  /** Why this request could not be shown free of personal data; empty when it was. */
  readonly problems: readonly LedgerMessage[];
}

export interface Ledger {
  readonly verdict: LedgerVerdict;
  readonly rows: readonly LedgerRow[];
  /** Bytes received over the network by all requests (cached responses count 0). */
  readonly transferBytes: number;
  /** Rows with at least one problem. */
  readonly flagged: number;
  /** Requests made with fetch(), whose method and body resource timing does not record. */
  readonly bodiesNotVisible: number;
  /** What could not be checked; each makes a verdict without flagged rows `incomplete`. */
  readonly gaps: readonly LedgerMessage[];
}

/**
 * Initiators whose requests are GETs without a body under the Fetch and HTML standards: the page
 * load (a POST one is a form submission, which the app's policy forbids: form-action 'none'),
 * elements that load a file, CSS url(), and 'other' (in Chromium: worker scripts; also module imports
 * and EventSource). The APIs that can send a body report their own types: fetch, xmlhttprequest,
 * beacon, ping.
 */
const BODILESS_GET = new Set(['navigation', 'script', 'link', 'css', 'img', 'image', 'input', 'body', 'video', 'audio', 'track', 'icon', 'early-hints', 'other']);

/** navigator.sendBeacon() and <a ping> always POST a body. */
const ALWAYS_POST = new Set(['beacon', 'ping']);

export function methodOf(initiator: string): LedgerMethod {
  if (BODILESS_GET.has(initiator)) return 'GET';
  return ALWAYS_POST.has(initiator) ? 'POST' : 'not visible';
}

/** Judges every request against `rules`; `gaps` are the parts of the check already known to be missing. */
export function judgeRequests(records: readonly ResourceRecord[], rules: LedgerRules, gaps: readonly LedgerMessage[] = []): Ledger {
  const rows = records.map((record) => judgeRequest(record, rules));
  // The reason is technical English (build-files.ts); the catalog shows it marked as English.
  const allGaps = 'unavailable' in rules.buildFiles ? [...gaps, ledgerMessage('privacy.ledger.gaps.buildFilesUnknown', { detail: rules.buildFiles.unavailable })] : gaps;
  const flagged = rows.filter((row) => row.problems.length > 0).length;
  return {
    verdict: flagged > 0 ? 'violations' : allGaps.length > 0 ? 'incomplete' : 'clean',
    rows,
    transferBytes: records.reduce((sum, record) => sum + record.transferBytes, 0),
    flagged,
    bodiesNotVisible: records.filter((record) => record.initiator === 'fetch').length,
    gaps: allGaps,
  };
}

function judgeRequest(record: ResourceRecord, rules: LedgerRules): LedgerRow {
  const method = methodOf(record.initiator);
  let url: URL;
  try {
    url = new URL(record.url);
  } catch {
    return { record, address: record.url, method, problems: [ledgerMessage('privacy.ledger.problems.unreadableAddress')] };
  }
  const sameOrigin = url.origin === rules.origin;
  const problems: LedgerMessage[] = [];
  if (!sameOrigin) problems.push(ledgerMessage('privacy.ledger.problems.otherSite', { origin: url.origin }));
  const isPageLoad = record.context === 'page' && record.initiator === 'navigation';
  if (isPageLoad) problems.push(...pageQueryProblems(url.searchParams, rules.pageParameters));
  else if (url.search !== '') problems.push(ledgerMessage('privacy.ledger.problems.query'));
  if (sameOrigin && 'files' in rules.buildFiles && !rules.buildFiles.files.has(buildPathOf(url.pathname, rules.basePath) ?? '')) {
    problems.push(ledgerMessage('privacy.ledger.problems.notBuildFile'));
  }
  const initiatorProblem = initiatorProblemOf(record.initiator);
  if (initiatorProblem) problems.push(initiatorProblem);
  const address = sameOrigin ? `${url.pathname}${url.search}` : `${url.origin}${url.pathname}${url.search}`;
  return { record, address, method, problems };
}

function pageQueryProblems(params: URLSearchParams, allowed: LedgerRules['pageParameters']): LedgerMessage[] {
  const problems: LedgerMessage[] = [];
  for (const [name, value] of params) {
    const values = Object.hasOwn(allowed, name) ? allowed[name] : undefined;
    if (!values) problems.push(ledgerMessage('privacy.ledger.problems.unknownParameter', { name }));
    else if (!values.includes(value)) problems.push(ledgerMessage('privacy.ledger.problems.unknownValue', { name }));
  }
  return problems;
}

function initiatorProblemOf(initiator: string): LedgerMessage | null {
  if (initiator === 'fetch' || BODILESS_GET.has(initiator)) return null;
  if (ALWAYS_POST.has(initiator)) return ledgerMessage('privacy.ledger.problems.beacon');
  if (initiator === 'xmlhttprequest') return ledgerMessage('privacy.ledger.problems.xhr');
  return ledgerMessage('privacy.ledger.problems.otherInitiator', { initiator });
}

/** `pathname` as a path in the build folder ('/app/' → 'app/index.html' under base '/'), or null outside `basePath`. */
export function buildPathOf(pathname: string, basePath: string): string | null {
  if (!pathname.startsWith(basePath)) return null;
  const path = pathname.slice(basePath.length);
  // A folder's address serves its index.html, as every static host and `vite preview` do.
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  try {
    return decodeURIComponent(file);
  } catch {
    return null;
  }
}
