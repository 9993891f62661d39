/**
 * A model directory under public/models/: files plus a manifest.json with each file's size and
 * SHA-256, written into a staging folder and swapped in whole, and skipped when already built from
 * the same sources.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ManifestEntry, ModelManifest } from '../../src/engine/assets/manifest';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Compact JSON: key order follows construction order, so the same value always gives the same bytes. */
export function stableJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value)}\n`);
}

/** The manifest of `dir` when it holds exactly what the manifest lists, built from the same sources. */
export async function upToDate(dir: string, digest: string): Promise<ModelManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as ModelManifest;
    if (manifest.sourceDigest !== digest) return undefined;
    for (const entry of manifest.files) {
      const bytes = await readFile(join(dir, entry.path));
      if (bytes.byteLength !== entry.bytes || sha256(bytes) !== entry.sha256) return undefined;
    }
    return manifest;
  } catch {
    return undefined;
  }
}

/** Writes the files and their manifest into a fresh directory, then swaps it in whole. */
export async function writeModelDir(dir: string, model: string, digest: string, files: [string, Uint8Array][]): Promise<ModelManifest> {
  const staging = `${dir}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const entries: ManifestEntry[] = [];
  for (const [path, bytes] of files) {
    await writeFile(join(staging, path), bytes);
    entries.push({ path, bytes: bytes.byteLength, sha256: sha256(bytes) });
  }
  const manifest: ModelManifest = { model, sourceDigest: digest, files: entries };
  await writeFile(join(staging, 'manifest.json'), stableJson(manifest));
  await rm(dir, { recursive: true, force: true });
  await rename(staging, dir);
  return manifest;
}

export interface BuildResult {
  readonly dir: string;
  readonly skipped: boolean;
  readonly manifest: ModelManifest;
}

