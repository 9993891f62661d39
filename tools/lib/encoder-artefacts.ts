import { quantizeInt8 } from '../../src/engine/quant/int8';
import {
  ENCODER_FORMAT,
  type EncoderConfig,
  type EncoderModelFile,
  type TensorEntry,
} from '../../src/engine/encoder/model-format';
import type { SourceWeights } from './source-model';

const ROOT = 'module_apply_default/Encoder_en/KonaTransformer/Encode';
const STACK = `${ROOT}/TransformerStack`;

/** Where each of our tensors comes from in the original graph, and how it is stored. */
interface TensorRecipe {
  readonly name: string;
  readonly source: string;
  /** Present for matrices stored as int8; the axis that gets one scale per channel. */
  readonly int8Axis?: 0 | 1;
  /** Keeps only these columns `[start, end)` of the last dimension (q, k, v share one source tensor). */
  readonly columns?: readonly [number, number];
}

/** Query, key and value projections as three tensors, so no op has to split their joint output. */
function splitQkv(name: 'kernel' | 'bias', source: string, width: number, int8Axis?: 0 | 1): TensorRecipe[] {
  return (['query', 'key', 'value'] as const).map((part, i) => ({
    name: `${part}.${name}`,
    source,
    columns: [i * width, (i + 1) * width] as const,
    ...(int8Axis === undefined ? {} : { int8Axis }),
  }));
}

function layerRecipes(layer: 0 | 1, attentionDim: number): TensorRecipe[] {
  const enc = `${ROOT}/Layer_${layer}/TransformerLayer`;
  const stack = `${STACK}/Layer_${layer}/TransformerLayer`;
  const kernel = `module/Encoder_en/KonaTransformer/Encode/Layer_${layer}/TransformerLayer/MultiheadAttention`;
  const recipes: TensorRecipe[] = [
    { name: 'attn_norm.scale', source: `${enc}/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat` },
    { name: 'attn_norm.bias', source: `${enc}/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat` },
    ...splitQkv('kernel', `${kernel}/qkv_transform_single/kernel/part_0`, attentionDim, 1),
    ...splitQkv('bias', `${enc}/MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`, attentionDim),
    { name: 'attn_out.kernel', source: `${kernel}/output_transform_single/kernel/part_0`, int8Axis: 1 },
    { name: 'attn_out.bias', source: `${enc}/MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat` },
    { name: 'ffn_norm.scale', source: `${enc}/FFN/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat` },
    { name: 'ffn_norm.bias', source: `${enc}/FFN/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat` },
    { name: 'ffn_in.kernel', source: `${stack}/FFN/conv1/Tensordot/Reshape_1`, int8Axis: 1 },
    { name: 'ffn_in.bias', source: `${enc}/FFN/conv1/bias/ConcatPartitions/concat` },
    { name: 'ffn_out.kernel', source: `${stack}/FFN/conv2/Tensordot/Reshape_1`, int8Axis: 1 },
    { name: 'ffn_out.bias', source: `${enc}/FFN/conv2/bias/ConcatPartitions/concat` },
  ].map((r) => ({ ...r, name: `layer${layer}.${r.name}` }) as TensorRecipe);
  if (layer === 0) {
    recipes.push(
      { name: 'layer0.residual.kernel', source: `${enc}/dense/kernel/ConcatPartitions/concat`, int8Axis: 1 },
      { name: 'layer0.residual.bias', source: `${enc}/dense/bias/ConcatPartitions/concat` },
    );
  }
  return recipes;
}

const RECIPES: readonly TensorRecipe[] = [
  // One scale per embedding row: rows are looked up independently, so each keeps its own range.
  { name: 'embeddings', source: 'module/Embeddings_en', int8Axis: 0 },
  { name: 'timing.inv_timescales', source: `${STACK}/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1` },
  ...layerRecipes(0, 256),
  ...layerRecipes(1, 512),
  { name: 'pool.kernel', source: 'module/Encoder_en/hidden_layers/tanh_layer_0/weights', int8Axis: 1 },
  { name: 'pool.bias', source: 'module/Encoder_en/hidden_layers/tanh_layer_0/bias' },
];

function scalar(weights: SourceWeights, name: string): number {
  const tensor = weights.tensors.get(name);
  const value = tensor?.values[0];
  if (value === undefined) throw new Error(`source model lacks ${name}`);
  return value;
}

/** The architecture, read off the source graph's constants rather than assumed. */
function readConfig(weights: SourceWeights): EncoderConfig {
  const embeddings = weights.tensors.get('module/Embeddings_en');
  if (!embeddings) throw new Error('source model lacks its embedding table');
  const [vocabSize = 0, embeddingDim = 0] = embeddings.shape;
  const attention = (layer: number) => `${STACK}/Layer_${layer}/TransformerLayer/MultiheadAttention`;
  return {
    vocabSize,
    embeddingDim,
    embeddingScale: 2,
    outputDim: 512,
    maxTokens: scalar(weights, 'module_apply_default/Encoder_en/KonaTransformer/ClipToMaxLength/Less/y'),
    heads: scalar(weights, `${attention(1)}/split_heads/split_last_dimension/Reshape/shape/2`),
    layerNormEpsilon: scalar(weights, `${STACK}/Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x`),
    layers: [
      { inputDim: embeddingDim, attentionDim: 256, outputDim: 512, ffnDim: 1536, queryScale: scalar(weights, `${attention(0)}/mul/y`), projectResidual: true },
      { inputDim: 512, attentionDim: 512, outputDim: 512, ffnDim: 1536, queryScale: scalar(weights, `${attention(1)}/mul/y`), projectResidual: false },
    ],
  };
}

/** Columns `[start, end)` of the last dimension of a row-major tensor. */
function sliceColumns(values: Float32Array, shape: readonly number[], [start, end]: readonly [number, number]): Float32Array {
  const cols = shape[shape.length - 1] ?? 0;
  const rows = values.length / cols;
  const out = new Float32Array(rows * (end - start));
  for (let r = 0; r < rows; r++) out.set(values.subarray(r * cols + start, r * cols + end), r * (end - start));
  return out;
}

/** Pads to a multiple of 4 so every float32 block starts aligned. */
function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * Derives our int8 encoder from the original float32 weights: matrices become int8 with
 * per-channel scales, vectors (biases, norms, timing) stay float32 because they are tiny.
 */
export function buildEncoderArtefacts(weights: SourceWeights, sourceLabel: string): { modelFile: EncoderModelFile; weightsBin: Uint8Array } {
  const blocks: Uint8Array[] = [];
  const entries: TensorEntry[] = [];
  let offset = 0;
  const append = (bytes: Uint8Array): number => {
    const at = offset;
    const padded = new Uint8Array(align4(bytes.byteLength));
    padded.set(bytes);
    blocks.push(padded);
    offset += padded.byteLength;
    return at;
  };

  for (const recipe of RECIPES) {
    const tensor = weights.tensors.get(recipe.source);
    if (!tensor || !(tensor.values instanceof Float32Array)) throw new Error(`source model lacks float tensor ${recipe.source}`);
    const values = recipe.columns ? sliceColumns(tensor.values, tensor.shape, recipe.columns) : tensor.values;
    if (recipe.int8Axis === undefined) {
      const shape = [values.length];
      const byteOffset = append(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
      entries.push({ name: recipe.name, shape, encoding: 'float32', byteOffset, byteLength: values.byteLength });
      continue;
    }
    // Conv2D kernels are [1, 1, in, out]: the leading unit dimensions drop out.
    const cols = recipe.columns ? recipe.columns[1] - recipe.columns[0] : (tensor.shape[tensor.shape.length - 1] ?? 0);
    const rows = values.length / cols;
    const q = quantizeInt8(values, rows, cols, recipe.int8Axis);
    const byteOffset = append(new Uint8Array(q.values.buffer));
    const scalesByteOffset = append(new Uint8Array(q.scales.buffer));
    entries.push({
      name: recipe.name,
      shape: [rows, cols],
      encoding: 'int8',
      axis: recipe.int8Axis,
      byteOffset,
      byteLength: q.values.byteLength,
      scalesByteOffset,
    });
  }

  const weightsBin = new Uint8Array(offset);
  let at = 0;
  for (const block of blocks) {
    weightsBin.set(block, at);
    at += block.byteLength;
  }
  const modelFile: EncoderModelFile = {
    format: ENCODER_FORMAT,
    source: sourceLabel,
    config: readConfig(weights),
    weightsFile: 'weights.bin',
    tensors: entries,
  };
  return { modelFile, weightsBin };
}
