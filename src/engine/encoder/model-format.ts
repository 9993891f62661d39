import { EngineError } from '../errors';

/** Version tag of `encoder/model.json`; bump when the layout changes so stale artefacts are rejected. */
export const ENCODER_FORMAT = 'use-lite-int8/2';

/**
 * Names of every tensor of a transformer layer. The layer norms have no tensors of their own: their
 * scale and shift are folded into the projections that read them (query, key, value, ffn_in), and
 * the query scale 1/√(head size) into the query projection.
 */
export const LAYER_TENSORS = [
  'query.kernel', 'query.bias', 'key.kernel', 'key.bias', 'value.kernel', 'value.bias',
  'attn_out.kernel', 'attn_out.bias', 'ffn_in.kernel', 'ffn_in.bias', 'ffn_out.kernel', 'ffn_out.bias',
] as const;

export interface EncoderConfig {
  readonly vocabSize: number;
  /** Width of the token embeddings, stored doubled: the original graph adds each embedding twice. */
  readonly embeddingDim: number;
  readonly outputDim: number;
  /** Tokens beyond this position are dropped, as the original graph does (`ClipToMaxLength`). */
  readonly maxTokens: number;
  readonly heads: number;
  readonly layerNormEpsilon: number;
  readonly layers: readonly EncoderLayerConfig[];
}

export interface EncoderLayerConfig {
  readonly inputDim: number;
  readonly attentionDim: number;
  readonly outputDim: number;
  readonly ffnDim: number;
  /** Whether the residual path goes through a dense projection (when input and output widths differ). */
  readonly projectResidual: boolean;
}

export type TensorEncoding = 'float32' | 'int8';

/** Where one tensor lives in `weights.bin`. Int8 tensors are 2-D with per-channel float32 scales. */
export interface TensorEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly encoding: TensorEncoding;
  readonly byteOffset: number;
  readonly byteLength: number;
  /** For int8: 0 = a scale per row, 1 = a scale per column. */
  readonly axis?: 0 | 1;
  readonly scalesByteOffset?: number;
}

export interface EncoderModelFile {
  readonly format: typeof ENCODER_FORMAT;
  readonly source: string;
  readonly config: EncoderConfig;
  readonly weightsFile: string;
  readonly tensors: readonly TensorEntry[];
}

/** Checks the shape of a parsed `model.json` and returns it typed; anything else is a load error. */
export function parseEncoderModelFile(json: unknown): EncoderModelFile {
  const file = json as Partial<EncoderModelFile> | null;
  if (!file || typeof file !== 'object' || file.format !== ENCODER_FORMAT) {
    throw new EngineError(
      'MODEL_LOAD_FAILED',
      `The encoder model file has an unknown format (expected ${ENCODER_FORMAT}). Run "npm run models" to rebuild it.`,
    );
  }
  if (!file.config || !Array.isArray(file.tensors) || typeof file.weightsFile !== 'string') {
    throw new EngineError('MODEL_LOAD_FAILED', 'The encoder model file is incomplete. Run "npm run models" to rebuild it.');
  }
  return file as EncoderModelFile;
}
