import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { BUILD_FILES_NAME, type BuildFileList } from '../../src/privacy/build-files.ts';

/**
 * Writes `build-files.json` into the build output: every file in it, public/ files (the models)
 * included, so that the network ledger can check that each request the app made was for one of its
 * own files. The service worker's `sw.js` and Workbox runtime are written after it and not listed:
 * the browser fetches them for the service worker, outside the page the ledger reads. Build only: the dev server serves sources, not a build, and the ledger says so when
 * the list is missing.
 */
export function buildFileList(): Plugin {
  return {
    name: 'build-file-list',
    apply: 'build',
    writeBundle: {
      // After every other plugin has written its files, so that the list sees the final output.
      order: 'post',
      async handler(output) {
        if (output.dir === undefined) throw new Error('build-file-list needs an output folder (build.outDir).');
        await writeBuildFileList(output.dir);
      },
    },
  };
}

/** Lists every file under `dir`, writes the list there as build-files.json, and returns it. */
export async function writeBuildFileList(dir: string): Promise<BuildFileList> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const found = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  // The list names itself: the page fetches it, and that request must check out like any other.
  const files = [...new Set([...found, BUILD_FILES_NAME])].sort();
  const list: BuildFileList = { files };
  await writeFile(join(dir, BUILD_FILES_NAME), `${JSON.stringify(list, null, 1)}\n`);
  return list;
}
