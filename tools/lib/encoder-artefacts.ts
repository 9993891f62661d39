import { quantizeInt8 } from '../../src/engine/quant/int8';
import {
  ENCODER_FORMAT,
  type EncoderConfig,
  type EncoderLayerConfig,
  type EncoderModelFile,
  type TensorEntry,
} from '../../src/engine/encoder/model-format';
import type { SourceWeights } from './source-model';

const KONA = 'module_apply_default/Encoder_en/KonaTransformer';
const STACK = `${KONA}/Encode/TransformerStack`;

/** A row-major float matrix (`rows × cols`); vectors are `1 × n`. */
interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly values: Float32Array;
}

/** Reads source tensors by name; Conv2D kernels `[1, 1, in, out]` come out as `in × out`. */
function sourceReader(weights: SourceWeights) {
  const read = (name: string): Matrix => {
    const tensor = weights.tensors.get(name);
    if (!tensor || !(tensor.values instanceof Float32Array)) throw new Error(`source model lacks float tensor ${name}`);
    const cols = tensor.shape[tensor.shape.length - 1] ?? 1;
    return { rows: tensor.values.length / cols, cols, values: tensor.values };
  };
  const scalar = (name: string): number => {
    const value = weights.tensors.get(name)?.values[0];
    if (value === undefined) throw new Error(`source model lacks ${name}`);
    return value;
  };
  return { read, scalar };
}

function columns(m: Matrix, start: number, end: number): Matrix {
  const width = end - start;
  const values = new Float32Array(m.rows * width);
  for (let r = 0; r < m.rows; r++) values.set(m.values.subarray(r * m.cols + start, r * m.cols + end), r * width);
  return { rows: m.rows, cols: width, values };
}

/**
 * Folds a layer norm's scale γ and shift β (and an optional output factor) into the dense layer
 * that reads it: `(n ⊙ γ + β)·W + b = n·(diag(γ)W) + (β·W + b)`. The device then only normalises,
 * which saves two ops per norm on every forward pass.
 */
function foldNormIntoDense(gamma: Matrix, beta: Matrix, kernel: Matrix, bias: Matrix, factor = 1): { kernel: Matrix; bias: Matrix } {
  const folded = new Float32Array(kernel.values.length);
  const shift = new Float64Array(kernel.cols);
  for (let r = 0; r < kernel.rows; r++) {
    const g = gamma.values[r] ?? 0;
    const b = beta.values[r] ?? 0;
    for (let c = 0; c < kernel.cols; c++) {
      const w = kernel.values[r * kernel.cols + c] ?? 0;
      folded[r * kernel.cols + c] = g * w * factor;
      shift[c] = (shift[c] ?? 0) + b * w;
    }
  }
  const newBias = Float32Array.from(shift, (s, c) => (s + (bias.values[c] ?? 0)) * factor);
  return { kernel: { ...kernel, values: folded }, bias: { rows: 1, cols: kernel.cols, values: newBias } };
}

function scaled(m: Matrix, factor: number): Matrix {
  return { ...m, values: m.values.map((v) => v * factor) };
}

/** Collects tensors into `weights.bin`: int8 matrices with per-channel scales, float32 vectors. */
class WeightsWriter {
  private readonly blocks: Uint8Array[] = [];
  private offset = 0;
  readonly entries: TensorEntry[] = [];

  float32(name: string, m: Matrix): void {
    const byteOffset = this.append(new Uint8Array(m.values.buffer, m.values.byteOffset, m.values.byteLength));
    this.entries.push({ name, shape: [m.values.length], encoding: 'float32', byteOffset, byteLength: m.values.byteLength });
  }

  int8(name: string, m: Matrix, axis: 0 | 1): void {
    const q = quantizeInt8(m.values, m.rows, m.cols, axis);
    const byteOffset = this.append(new Uint8Array(q.values.buffer));
    const scalesByteOffset = this.append(new Uint8Array(q.scales.buffer));
    this.entries.push({ name, shape: [m.rows, m.cols], encoding: 'int8', axis, byteOffset, byteLength: q.values.byteLength, scalesByteOffset });
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.offset);
    let at = 0;
    for (const block of this.blocks) {
      out.set(block, at);
      at += block.byteLength;
    }
    return out;
  }

  /** Pads every block to a multiple of 4 so float32 data stays aligned. */
  private append(bytes: Uint8Array): number {
    const at = this.offset;
    const padded = new Uint8Array((bytes.byteLength + 3) & ~3);
    padded.set(bytes);
    this.blocks.push(padded);
    this.offset += padded.byteLength;
    return at;
  }
}

/**
 * Derives our int8 encoder from the original float32 weights: norms and the query scale are folded
 * into the projections, the embedding doubling into the table, then matrices become int8 with
 * per-channel scales; vectors (biases, timing) stay float32 because they are tiny.
 */
export function buildEncoderArtefacts(weights: SourceWeights, sourceLabel: string): { modelFile: EncoderModelFile; weightsBin: Uint8Array } {
  const { read, scalar } = sourceReader(weights);
  const out = new WeightsWriter();
  const heads = scalar(`${STACK}/Layer_1/TransformerLayer/MultiheadAttention/split_heads/split_last_dimension/Reshape/shape/2`);

  // The graph adds the embedding twice (inside AddTimingSignal and around it): store it doubled.
  const embeddings = read('module/Embeddings_en');
  out.int8('embeddings', scaled(embeddings, 2), 0);
  out.float32('timing.inv_timescales', read(`${STACK}/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`));

  const layers: EncoderLayerConfig[] = [0, 1].map((layer) => {
    const enc = `${KONA}/Encode/Layer_${layer}/TransformerLayer`;
    const stack = `${STACK}/Layer_${layer}/TransformerLayer`;
    const attention = `module/Encoder_en/KonaTransformer/Encode/Layer_${layer}/TransformerLayer/MultiheadAttention`;
    const norm = (prefix: string) => ({
      gamma: read(`${prefix}/layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat`),
      beta: read(`${prefix}/layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat`),
    });
    const attnNorm = norm(enc);
    const qkv = read(`${attention}/qkv_transform_single/kernel/part_0`);
    const qkvBias = read(`${enc}/MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`);
    const width = qkv.cols / 3;
    const queryScale = scalar(`${stack}/MultiheadAttention/mul/y`);
    (['query', 'key', 'value'] as const).forEach((part, i) => {
      const factor = part === 'query' ? queryScale : 1;
      const folded = foldNormIntoDense(attnNorm.gamma, attnNorm.beta, columns(qkv, i * width, (i + 1) * width), columns(qkvBias, i * width, (i + 1) * width), factor);
      out.int8(`layer${layer}.${part}.kernel`, folded.kernel, 1);
      out.float32(`layer${layer}.${part}.bias`, folded.bias);
    });
    const attnOut = read(`${attention}/output_transform_single/kernel/part_0`);
    out.int8(`layer${layer}.attn_out.kernel`, attnOut, 1);
    out.float32(`layer${layer}.attn_out.bias`, read(`${enc}/MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`));
    const ffnNorm = norm(`${enc}/FFN`);
    const ffnIn = foldNormIntoDense(ffnNorm.gamma, ffnNorm.beta, read(`${stack}/FFN/conv1/Tensordot/Reshape_1`), read(`${enc}/FFN/conv1/bias/ConcatPartitions/concat`));
    out.int8(`layer${layer}.ffn_in.kernel`, ffnIn.kernel, 1);
    out.float32(`layer${layer}.ffn_in.bias`, ffnIn.bias);
    const ffnOut = read(`${stack}/FFN/conv2/Tensordot/Reshape_1`);
    out.int8(`layer${layer}.ffn_out.kernel`, ffnOut, 1);
    out.float32(`layer${layer}.ffn_out.bias`, read(`${enc}/FFN/conv2/bias/ConcatPartitions/concat`));
    // Layer 0 widens 256 → 512, so its residual path goes through a dense projection.
    const projectResidual = attnOut.rows !== attnOut.cols;
    if (projectResidual) {
      out.int8(`layer${layer}.residual.kernel`, read(`${enc}/dense/kernel/ConcatPartitions/concat`), 1);
      out.float32(`layer${layer}.residual.bias`, read(`${enc}/dense/bias/ConcatPartitions/concat`));
    }
    return { inputDim: qkv.rows, attentionDim: width, outputDim: attnOut.cols, ffnDim: ffnIn.kernel.cols, projectResidual };
  });

  const pool = read('module/Encoder_en/hidden_layers/tanh_layer_0/weights');
  out.int8('pool.kernel', pool, 1);
  out.float32('pool.bias', read('module/Encoder_en/hidden_layers/tanh_layer_0/bias'));

  const config: EncoderConfig = {
    vocabSize: embeddings.rows,
    embeddingDim: embeddings.cols,
    outputDim: pool.cols,
    maxTokens: scalar(`${KONA}/ClipToMaxLength/Less/y`),
    heads,
    layerNormEpsilon: scalar(`${STACK}/Layer_1/TransformerLayer/FFN/layer_prepostprocess/layer_norm/Cast/x`),
    layers,
  };
  return {
    modelFile: { format: ENCODER_FORMAT, source: sourceLabel, config, weightsFile: 'weights.bin', tensors: out.entries },
    weightsBin: out.bytes(),
  };
}
