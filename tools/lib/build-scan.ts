/**
 * Finds absolute URLs in a build output folder and sorts them into allowed (build-url-allowlist.ts)
 * and violations. The app must request nothing but its own origin; this catches a library default
 * or a hard-coded address before it ships. It reads text, so a URL assembled at run time from
 * pieces ('https:' + '//' + host) escapes it: the Content Security Policy is what stops those.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { AllowedUrl } from './build-url-allowlist';

export interface FoundUrl {
  /** Path relative to the scanned folder, with '/' separators. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly url: string;
  /** Up to 60 characters either side, for the report. */
  readonly context: string;
}

export interface BuildScan {
  readonly filesScanned: number;
  readonly violations: readonly FoundUrl[];
  /** How many URLs each allowlist entry let through. */
  readonly allowedCounts: ReadonlyMap<AllowedUrl, number>;
  /** Entries that matched nothing: the library no longer ships that URL, so the entry should go. */
  readonly unusedAllowances: readonly AllowedUrl[];
}

/** Characters that end a URL in source text: quotes, brackets of markup and code, template `${`. */
const URL_BODY = String.raw`[^\s"'\x60<>(){}\\|^$]*`;

/** `scheme://…` for the schemes that reach a server (web and WebSocket), in any letter case. */
const SCHEME_URL = new RegExp(String.raw`\b(?:https?|wss?)://${URL_BODY}`, 'gi');

/**
 * Protocol-relative `//host/…` where it names a resource: `src=`/`href=` (HTML, or HTML in strings),
 * `.src = "//…"`, `setAttribute('src', '//…')` and CSS `url(//…)`. A bare `//` elsewhere is a comment.
 */
const PROTOCOL_RELATIVE = new RegExp(
  String.raw`(?:\b(?:src|href|action|poster|srcset)\s*=\s*["'\x60]?|\b(?:src|href)["'\x60]\s*,\s*["'\x60]|\burl\(\s*["']?)\s*(//[^/\s"'\x60<>(){}\\]${URL_BODY})`,
  'gi',
);

/** Sentence punctuation after a URL in prose ("see https://example.org."), not part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

/** Every absolute URL in `text` with its offset, in order of appearance. */
export function findAbsoluteUrls(text: string): { url: string; index: number }[] {
  const found: { url: string; index: number }[] = [];
  for (const match of text.matchAll(SCHEME_URL)) {
    found.push({ url: match[0].replace(TRAILING_PUNCTUATION, ''), index: match.index });
  }
  for (const match of text.matchAll(PROTOCOL_RELATIVE)) {
    const url = match[1] ?? '';
    found.push({ url: url.replace(TRAILING_PUNCTUATION, ''), index: match.index + match[0].length - url.length });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The allowlist entry that lets `url` through, if any. */
export function allowanceFor(url: string, allowlist: readonly AllowedUrl[]): AllowedUrl | undefined {
  return allowlist.find((entry) => (entry.match === 'exact' ? url === entry.url : url.startsWith(entry.url)));
}

/** Scans every file under `dir` (text and binary alike: URLs are ASCII either way). */
export async function scanBuild(dir: string, allowlist: readonly AllowedUrl[]): Promise<BuildScan> {
  // Sorted, so that reports come in the same order on every file system.
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const violations: FoundUrl[] = [];
  const allowedCounts = new Map<AllowedUrl, number>();
  for (const path of files) {
    // latin1 maps every byte to one character, so offsets are byte offsets and nothing fails to decode.
    const text = (await readFile(path)).toString('latin1');
    const lines = lineStarts(text);
    for (const { url, index } of findAbsoluteUrls(text)) {
      const allowance = allowanceFor(url, allowlist);
      if (allowance) {
        allowedCounts.set(allowance, (allowedCounts.get(allowance) ?? 0) + 1);
        continue;
      }
      const line = lineOf(lines, index);
      violations.push({
        file: relative(dir, path).split('\\').join('/'),
        line: line + 1,
        column: index - (lines[line] ?? 0) + 1,
        url,
        context: text.slice(Math.max(0, index - 60), index + url.length + 60).replace(/\s+/g, ' '),
      });
    }
  }
  return {
    filesScanned: files.length,
    violations,
    allowedCounts,
    unusedAllowances: allowlist.filter((entry) => !allowedCounts.has(entry)),
  };
}

/** Offsets at which each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The 0-based line holding `offset` (binary search over `starts`). */
function lineOf(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
