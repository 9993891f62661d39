import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveBuild } from '../../tools/lib/privacy-audit/served-build';

/** A copy of the build (dist/, made by Playwright's web server) served by `vite preview` on its own port. */
export interface ServedCopy {
  readonly dir: string;
  readonly origin: string;
  close(): Promise<void>;
}

/** Copies dist/ into a temporary folder, lets `change` edit it, and serves it on localhost:`port`. */
export async function serveCopyOfBuild(port: number, change: (dir: string) => Promise<void> = () => Promise.resolve()): Promise<ServedCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'finance-build-'));
  await cp('dist', dir, { recursive: true });
  await change(dir);
  const server = await serveBuild(process.cwd(), dir, port);
  return {
    dir,
    origin: server.origin,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

/**
 * Publishes a new version of one model file in the build at `dir`, as a real model update would:
 * the file's new bytes, its model manifest's size and SHA-256 for it, and the service worker's
 * precache revisions (MD5, as Workbox computes them) for both. Returns the new bytes.
 */
export async function publishModelFile(dir: string, model: string, file: string, update: (old: Buffer) => Buffer): Promise<Buffer> {
  const path = join(dir, 'models', model, file);
  const next = update(await readFile(path));
  await writeFile(path, next);
  const manifestPath = join(dir, 'models', model, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: { path: string; bytes: number; sha256: string }[] };
  const entry = manifest.files.find((candidate) => candidate.path === file);
  if (!entry) throw new Error(`models/${model}/manifest.json lists no ${file}`);
  entry.bytes = next.length;
  entry.sha256 = sha256(next);
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  await writeFile(manifestPath, manifestBytes);

  const swPath = join(dir, 'sw.js');
  let sw = await readFile(swPath, 'utf8');
  for (const [url, bytes] of [
    [`models/${model}/${file}`, next],
    [`models/${model}/manifest.json`, manifestBytes],
  ] as const) {
    const pattern = new RegExp(`(\\{url:"${url.replaceAll('/', '\\/').replaceAll('.', '\\.')}",revision:")[0-9a-f]+(")`);
    if (!pattern.test(sw)) throw new Error(`sw.js does not precache ${url}`);
    sw = sw.replace(pattern, `$1${md5(bytes)}$2`);
  }
  await writeFile(swPath, sw);
  return next;
}
