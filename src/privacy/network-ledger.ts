import { type Timeline } from '../protocol/resource-timing';
import { BUILD_FILES_NAME, parseBuildFileList } from './build-files';
import type { BuildFiles } from './ledger-verdict';

/**
 * The page's side of the network ledger: the requests the page itself made, from the browser's own
 * record of them (the navigation entry for the document, resource entries for the rest), and the
 * build's file list they are checked against. The timing itself is read with
 * src/protocol/resource-timing.ts, which the engine worker uses for its own record.
 */

/** Reads the build's file list from `url`; why not, when it cannot (the dev server has no build). */
export async function loadBuildFiles(
  url: string,
  fetchFile: (url: string, init: RequestInit) => Promise<Response> = (input, init) => fetch(input, init),
): Promise<BuildFiles> {
  try {
    // no-cache: a list kept from an earlier build would flag the new build's files.
    const response = await fetchFile(url, { method: 'GET', credentials: 'same-origin', cache: 'no-cache' });
    if (!response.ok) return { unavailable: `${BUILD_FILES_NAME} answered ${response.status}: only a build has it, the dev server does not.` };
    const json: unknown = await response.json();
    const list = parseBuildFileList(json);
    return list ? { files: new Set(list.files) } : { unavailable: `${BUILD_FILES_NAME} is not a list of files.` };
  } catch (error) {
    return { unavailable: `${BUILD_FILES_NAME} could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
}

/** Where the ledger runs: the page's timeline and address, and its build's file list. */
export interface LedgerPage {
  readonly timeline: Timeline;
  readonly origin: string;
  /** The path the app is served under, e.g. '/'. */
  readonly basePath: string;
  readonly loadBuildFiles: () => Promise<BuildFiles>;
}

/** This page: `performance`, `location` and the build list beside index.html. */
export function browserLedgerPage(): LedgerPage {
  // BASE_URL may be relative ('./'); resolved against the page, it is the folder index.html is in.
  const base = new URL(import.meta.env.BASE_URL, window.location.href);
  return {
    timeline: performance,
    origin: window.location.origin,
    basePath: base.pathname,
    loadBuildFiles: () => loadBuildFiles(new URL(BUILD_FILES_NAME, base).href),
  };
}
