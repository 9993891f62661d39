/**
 * The catalog's text embeddings: computed on the device in small batches (so progress can be shown:
 * the encoder on WebGPU SwiftShader does about 2.5 sentences a second), and identified by a key
 * that changes whenever the rows could change, so a cached copy is reused only when it is exact.
 */
import { sha256Hex } from '../assets/manifest';

/** Products encoded per batch: small enough for frequent progress, large enough to batch well. */
export const CATALOG_ENCODING_BATCH = 16;

/**
 * The cache key of the catalog's embeddings: the encoder's files (their checksums) and the exact
 * texts embedded. A new model or an edited description gives a new key.
 */
export async function catalogEmbeddingKey(encoderDigest: string, texts: readonly string[]): Promise<string> {
  return sha256Hex(new TextEncoder().encode(`${encoderDigest}\0${JSON.stringify(texts)}`));
}

/**
 * Embeds `texts` in batches of `batchSize`, calling `onBatch` with the count done after each batch.
 * Returns the rows packed `texts.length × dim`, row-major.
 */
export async function embedInBatches(
  embed: (texts: readonly string[]) => Promise<Float32Array[]>,
  texts: readonly string[],
  dim: number,
  onBatch: (done: number) => void,
  batchSize = CATALOG_ENCODING_BATCH,
): Promise<Float32Array> {
  const packed = new Float32Array(texts.length * dim);
  for (let start = 0; start < texts.length; start += batchSize) {
    const rows = await embed(texts.slice(start, start + batchSize));
    rows.forEach((row, offset) => packed.set(row, (start + offset) * dim));
    onBatch(Math.min(texts.length, start + batchSize));
  }
  return packed;
}

/** Least cosine between a cached row and the same text embedded now for the cache to be trusted. */
const SPOT_CHECK_MIN_COSINE = 0.999;

/**
 * Whether cached rows still match what this encoder computes, checked on the first text alone (one
 * sentence, against re-encoding them all). The key covers the model files but not the code that
 * runs them: a changed forward pass, or damaged storage, shows here. Backends agree to ~1e-6.
 */
export async function cachedRowsMatch(
  embed: (texts: readonly string[]) => Promise<Float32Array[]>,
  texts: readonly string[],
  rows: Float32Array,
  dim: number,
): Promise<boolean> {
  if (texts.length === 0) return rows.length === 0;
  if (rows.length !== texts.length * dim) return false;
  const [fresh] = await embed(texts.slice(0, 1));
  if (fresh?.length !== dim) return false;
  let dot = 0;
  for (let c = 0; c < dim; c++) dot += (fresh[c] ?? 0) * (rows[c] ?? 0);
  return dot >= SPOT_CHECK_MIN_COSINE;
}
