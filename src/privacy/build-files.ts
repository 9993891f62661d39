/**
 * The list of every file in a build, which the build writes next to index.html
 * (tools/lib/build-files-plugin.ts) and the network ledger reads to tell a request for one of the
 * app's own files from anything else. No browser or Node globals here: the Vite plugin imports it.
 */

/** Its name in the build output, beside index.html. */
export const BUILD_FILES_NAME = 'build-files.json';

export interface BuildFileList {
  /** Paths relative to the output folder, '/'-separated, sorted; the list itself included. */
  readonly files: readonly string[];
}

/** The list in `json`, or null when it is not one (a dev server's 404 page, a truncated file). */
export function parseBuildFileList(json: unknown): BuildFileList | null {
  if (typeof json !== 'object' || json === null || !('files' in json)) return null;
  const { files } = json;
  if (!Array.isArray(files) || !files.every((file): file is string => typeof file === 'string')) return null;
  return { files };
}
