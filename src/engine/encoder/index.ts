import * as tf from '@tensorflow/tfjs-core';
import { readVerifiedModel, sha256Hex } from '../assets/manifest';
import type { AssetSource } from '../assets/types';
import { activateBackend, type ActiveBackend, type BackendName, type BackendPreference, type WasmPaths } from '../backend';
import { EngineError } from '../errors';
import { DEFAULT_BATCH_LIMITS, padBatch, planBatches, type BatchLimits } from './batching';
import { parseEncoderModelFile, type EncoderConfig } from './model-format';
import { loadTokenizer, type TextTokenizer } from './tokenizer';
import { encodeBatch, encodeEmpty } from './transformer';
import { loadEncoderWeights, type EncoderWeights } from './weights';

/** A stage of getting the encoder ready, in the order they happen. */
export type EncoderLoadStage = 'backend' | 'download' | 'tokenizer' | 'warmup';

/** One progress report while the encoder gets ready; byte counts cover all model files together. */
export interface EncoderLoadProgress {
  readonly stage: EncoderLoadStage;
  readonly loadedBytes: number;
  readonly totalBytes: number;
  /** The file being read, during `download`. */
  readonly file?: string;
}

export interface StageTiming {
  readonly stage: EncoderLoadStage;
  readonly ms: number;
}

export interface EncoderOptions {
  readonly backend?: BackendPreference;
  readonly assets: AssetSource;
  readonly wasmPaths?: WasmPaths;
  readonly batchLimits?: BatchLimits;
  readonly onProgress?: (progress: EncoderLoadProgress) => void;
}

/** A loaded sentence encoder bound to one tfjs backend. */
export interface Encoder {
  readonly backend: BackendName;
  readonly fallbackReason?: string;
  readonly dim: number;
  /** Longest input in tokens; later tokens are dropped, as the original model does. */
  readonly maxTokens: number;
  readonly modelBytes: number;
  /**
   * SHA-256 over the model files' checksums (from the verified manifest): names exactly which
   * weights and vocabulary are loaded, e.g. as part of a cache key for embeddings.
   */
  readonly filesDigest: string;
  readonly timings: readonly StageTiming[];
  /** One L2-normalised row per text, in input order. Rejects non-strings with INVALID_INPUT. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Token ids the encoder sees for `text`, after truncation. */
  tokenize(text: string): number[];
  dispose(): void;
}

const MODEL_DIR = 'encoder';

/** Reads a `[rows, dim]` tensor into one array per row and frees it. */
async function readRows(tensor: tf.Tensor2D, dim: number): Promise<Float32Array[]> {
  // Asynchronous read: a synchronous one would block on (and can lose) the WebGPU device.
  const data = (await tensor.data()) as Float32Array;
  tensor.dispose();
  return Array.from({ length: tensor.shape[0] }, (_, row) => data.slice(row * dim, (row + 1) * dim));
}

function validateTexts(texts: unknown): asserts texts is readonly string[] {
  if (!Array.isArray(texts)) {
    throw new EngineError('INVALID_INPUT', 'embed() expects a list of texts.');
  }
  const bad = texts.findIndex((t) => typeof t !== 'string');
  if (bad >= 0) {
    throw new EngineError('INVALID_INPUT', `Text ${bad} is a ${texts[bad] === null ? 'null' : typeof texts[bad]}, not a string: only text can be embedded.`);
  }
}

class TfjsEncoder implements Encoder {
  readonly dim: number;
  readonly maxTokens: number;
  /** Computed on first use: the row of every input that has no tokens (such as ''). */
  private emptyRow: Float32Array | undefined;
  private disposed = false;

  constructor(
    readonly backend: BackendName,
    readonly fallbackReason: string | undefined,
    readonly modelBytes: number,
    readonly filesDigest: string,
    readonly timings: StageTiming[],
    private readonly config: EncoderConfig,
    private readonly weights: EncoderWeights,
    private readonly tokenizer: TextTokenizer,
    private readonly limits: BatchLimits,
  ) {
    this.dim = config.outputDim;
    this.maxTokens = config.maxTokens;
  }

  tokenize(text: string): number[] {
    return this.tokenizer.encode(text).slice(0, this.maxTokens);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    validateTexts(texts);
    if (this.disposed) throw new EngineError('NOT_READY', 'The encoder was closed; load it again.');
    const tokenIds = texts.map((text) => this.tokenize(text));
    const out: Float32Array[] = new Array<Float32Array>(texts.length);
    const nonEmpty = tokenIds.flatMap((ids, index) => (ids.length > 0 ? [index] : []));
    const plans = planBatches(nonEmpty.map((index) => tokenIds[index]?.length ?? 0), this.limits);
    for (const plan of plans) {
      const indices = plan.indices.map((i) => nonEmpty[i] ?? 0);
      const result = encodeBatch(this.weights, this.config, padBatch(tokenIds, { indices, length: plan.length }));
      const rows = await readRows(result, this.dim);
      indices.forEach((index, row) => {
        out[index] = rows[row] ?? new Float32Array(this.dim);
      });
    }
    if (nonEmpty.length < texts.length) {
      this.emptyRow ??= (await readRows(encodeEmpty(this.weights, this.config), this.dim))[0];
      tokenIds.forEach((ids, index) => {
        if (ids.length === 0 && this.emptyRow) out[index] = this.emptyRow.slice();
      });
    }
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.weights.dispose();
  }
}

/**
 * Loads the int8 encoder from `assets` (verifying every file against its manifest), starts the
 * requested backend (`auto`: WebGPU, else WASM, else CPU) and warms it up.
 */
export async function createEncoder(options: EncoderOptions): Promise<Encoder> {
  options.onProgress?.({ stage: 'backend', loadedBytes: 0, totalBytes: 0 });
  const started = performance.now();
  const active = await activateBackend(options.backend ?? 'auto', options.wasmPaths);
  return loadEncoder(active, options, [{ stage: 'backend', ms: Math.round(performance.now() - started) }]);
}

/**
 * The part of `createEncoder` after the backend has started: download and verify, tokenizer,
 * warmup. Separate so that the app can tell a backend that cannot run (nothing works) from model
 * files that fail (INTEGRITY_FAILED, MODEL_LOAD_FAILED: only what needs the encoder stops).
 * `earlierTimings` come first in the encoder's `timings`.
 */
export async function loadEncoder(
  active: ActiveBackend,
  options: Omit<EncoderOptions, 'backend' | 'wasmPaths'>,
  earlierTimings: readonly StageTiming[] = [],
): Promise<Encoder> {
  const timings: StageTiming[] = [...earlierTimings];
  const report = options.onProgress ?? (() => undefined);
  const timed = async <T>(stage: EncoderLoadStage, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push({ stage, ms: Math.round(performance.now() - started) });
    return result;
  };

  const { manifest, files } = await timed('download', () =>
    readVerifiedModel(options.assets, MODEL_DIR, (p) => report({ stage: 'download', loadedBytes: p.loadedBytes, totalBytes: p.totalBytes, file: p.file })),
  );
  const modelBytes = manifest.files.reduce((n, f) => n + f.bytes, 0);
  const filesDigest = await sha256Hex(new TextEncoder().encode(manifest.files.map((f) => `${f.path} ${f.sha256}`).join('\n')));
  report({ stage: 'tokenizer', loadedBytes: modelBytes, totalBytes: modelBytes });
  const tokenizer = await timed('tokenizer', () => loadTokenizer(options.assets.modelsRoot, MODEL_DIR, files));

  const modelJson = files.get('model.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(modelJson));
  } catch (cause) {
    throw new EngineError('MODEL_LOAD_FAILED', 'The encoder model file is not valid JSON. Run "npm run models".', { cause });
  }
  const model = parseEncoderModelFile(parsed);
  const bin = files.get(model.weightsFile);
  if (!bin) throw new EngineError('MODEL_LOAD_FAILED', `The encoder manifest does not list ${model.weightsFile}. Run "npm run models".`);

  report({ stage: 'warmup', loadedBytes: modelBytes, totalBytes: modelBytes });
  const encoder = await timed('warmup', async () => {
    const weights = loadEncoderWeights(model, bin);
    const created = new TfjsEncoder(active.name, active.fallbackReason, modelBytes, filesDigest, timings, model.config, weights, tokenizer, options.batchLimits ?? DEFAULT_BATCH_LIMITS);
    try {
      await created.embed(['warm up']);
    } catch (cause) {
      created.dispose();
      throw new EngineError('BACKEND_UNAVAILABLE', `The ${active.name} backend failed to run the encoder. Choose another backend.`, { cause });
    }
    return created;
  });
  return encoder;
}

/** Number of tensors alive on the active backend; tests use it to check that nothing leaks. */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}
