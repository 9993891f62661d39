/**
 * Item text embeddings from our own encoder (int8, WASM backend), cached on disk because encoding a
 * catalog takes tens of seconds on two cores and the same texts always give the same rows.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEncoder } from '../../src/engine/encoder';
import type { UserProfile } from '../../src/engine/rank/recommender';
import type { RawUserProfile } from './dataset';
import { buildEncoderModel } from '../lib/build-encoder';
import { fileAssetSource } from '../lib/file-assets';
import { importClosure } from '../lib/import-closure';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MODELS_DIR = join(repoRoot, 'public', 'models');
export const EMBEDDING_CACHE_DIR = join(repoRoot, '.cache', 'embeddings');

/** Texts per embed() call: small enough for regular progress lines, large enough for full batches. */
const CHUNK = 256;

export interface ItemEmbeddings {
  /** `texts.length × dim`, row-major, each row L2-normalised. */
  readonly rows: Float32Array;
  readonly dim: number;
  readonly fromCache: boolean;
  /** Source digest of the encoder that computed the rows. */
  readonly encoderDigest: string;
}

/** Digest of the code that runs the encoder (src/engine/encoder and what it imports), computed once. */
let runtimeDigest: Promise<string> | undefined;
function encoderRuntimeDigest(): Promise<string> {
  runtimeDigest ??= (async () => {
    const hash = createHash('sha256');
    for (const file of await importClosure(repoRoot, 'src/engine/encoder/index.ts')) hash.update(`${file}\0`).update(await readFile(join(repoRoot, file)));
    return hash.digest('hex');
  })();
  return runtimeDigest;
}

/**
 * The cache key covers the encoder's artefacts (their source digest) and the code that runs them
 * as well as the texts, so neither rebuilt artefacts nor a changed forward pass reuse stale rows.
 */
async function cacheKey(encoderDigest: string, texts: readonly string[]): Promise<string> {
  return createHash('sha256').update(`${encoderDigest}\0${await encoderRuntimeDigest()}\0${JSON.stringify(texts)}`).digest('hex');
}

async function readCached(path: string, count: number, encoderDigest: string): Promise<ItemEmbeddings | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  const dim = count > 0 ? bytes.byteLength / 4 / count : 0;
  if (count === 0 || !Number.isInteger(dim) || dim === 0) return undefined;
  // Copy into a fresh, aligned buffer: a Buffer may be a view at any offset of a shared pool.
  const rows = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(rows.buffer).set(bytes);
  return { rows, dim, fromCache: true, encoderDigest };
}

/** One embedding row per text, from `.cache/embeddings/<key>.f32` when present, else computed and cached. */
export async function embedItemTexts(texts: readonly string[], log: (line: string) => void = () => undefined, what = 'item texts'): Promise<ItemEmbeddings> {
  const model = await buildEncoderModel(MODELS_DIR);
  const path = join(EMBEDDING_CACHE_DIR, `${await cacheKey(model.manifest.sourceDigest, texts)}.f32`);
  const cached = await readCached(path, texts.length, model.manifest.sourceDigest);
  if (cached) {
    log(`embeddings: ${texts.length} ${what} read from ${path}`);
    return cached;
  }

  const started = performance.now();
  const encoder = await createEncoder({ backend: 'wasm', assets: fileAssetSource(MODELS_DIR) });
  try {
    const rows = new Float32Array(texts.length * encoder.dim);
    for (let start = 0; start < texts.length; start += CHUNK) {
      const chunk = await encoder.embed(texts.slice(start, start + CHUNK));
      chunk.forEach((row, i) => rows.set(row, (start + i) * encoder.dim));
      log(`embeddings: ${Math.min(start + CHUNK, texts.length)} / ${texts.length} ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    await mkdir(EMBEDDING_CACHE_DIR, { recursive: true });
    await writeFile(`${path}.tmp`, new Uint8Array(rows.buffer));
    await rename(`${path}.tmp`, path);
    return { rows, dim: encoder.dim, fromCache: false, encoderDigest: model.manifest.sourceDigest };
  } finally {
    encoder.dispose();
  }
}

/** The profiles with their goals texts embedded (each distinct text once, cached like item texts). */
export async function embedUserProfiles(
  profiles: readonly (RawUserProfile | undefined)[],
  log: (line: string) => void = () => undefined,
): Promise<(UserProfile | undefined)[]> {
  const texts = [...new Set(profiles.flatMap((profile) => (profile ? [profile.goalsText] : [])))].sort();
  if (texts.length === 0) return profiles.map(() => undefined);
  const { rows, dim } = await embedItemTexts(texts, log, 'goals texts');
  const rowOf = new Map(texts.map((text, index) => [text, rows.subarray(index * dim, (index + 1) * dim)]));
  return profiles.map((profile) =>
    profile
      ? { riskTolerance: profile.riskTolerance, horizonYears: profile.horizonYears, age: profile.age, goalsEmbedding: rowOf.get(profile.goalsText)! }
      : undefined,
  );
}
