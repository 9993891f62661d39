import * as tf from '@tensorflow/tfjs-core';
import type { EncoderConfig } from './model-format';
import type { EncoderWeights, LayerWeights } from './weights';

/**
 * The Universal Sentence Encoder Lite forward pass written with explicit tfjs ops on a padded,
 * masked batch. Every shape is known on the CPU before the ops run, so no op needs to read a
 * tensor back from the GPU (the original graph's dynamic-shape ops do, which loses the WebGPU device).
 */

/** A padded batch: `ids` is `batch × length` row-major, padded positions hold 0 and are masked. */
export interface PaddedBatch {
  readonly ids: Int32Array;
  readonly lengths: readonly number[];
  readonly length: number;
}

/** Sinusoidal position signal `[length, 2 · timescales]`: sin for the first half, cos for the second. */
export function timingSignal(invTimescales: Float32Array, length: number): Float32Array {
  const channels = invTimescales.length;
  const signal = new Float32Array(length * channels * 2);
  for (let position = 0; position < length; position++) {
    for (let i = 0; i < channels; i++) {
      // Float32 product first, as the original graph computes it, so large positions round the same way.
      const angle = Math.fround(position * (invTimescales[i] ?? 0));
      signal[position * channels * 2 + i] = Math.sin(angle);
      signal[position * channels * 2 + channels + i] = Math.cos(angle);
    }
  }
  return signal;
}

function layerNorm(x: tf.Tensor2D, scale: tf.Tensor, bias: tf.Tensor, epsilon: number): tf.Tensor2D {
  const mean = tf.mean(x, -1, true);
  const centered = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centered), -1, true);
  return tf.add(tf.mul(tf.mul(centered, tf.rsqrt(tf.add(variance, epsilon))), scale), bias);
}

function dense(x: tf.Tensor2D, kernel: tf.Tensor, bias: tf.Tensor): tf.Tensor2D {
  return tf.add(tf.matMul(x, kernel as tf.Tensor2D), bias);
}

/** `[batch·length, width]` → `[batch, heads, length, width/heads]`. */
function splitHeads(x: tf.Tensor2D, batch: number, length: number, heads: number): tf.Tensor4D {
  const width = x.shape[1] / heads;
  return tf.transpose(tf.reshape(x, [batch, length, heads, width]), [0, 2, 1, 3]);
}

function transformerLayer(
  h: tf.Tensor2D,
  layer: LayerWeights,
  config: EncoderConfig,
  index: number,
  batch: PaddedBatch,
  keyBias: tf.Tensor4D,
): tf.Tensor2D {
  const t = layer.tensors;
  const spec = config.layers[index];
  if (!spec) throw new RangeError(`no layer ${index}`);
  const rows = batch.lengths.length;
  const normed = layerNorm(h, t['attn_norm.scale'], t['attn_norm.bias'], config.layerNormEpsilon);
  const qkv = dense(normed, t['qkv.kernel'], t['qkv.bias']);
  const [q, k, v] = tf.split(qkv, 3, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
  const queries = tf.mul(splitHeads(q, rows, batch.length, config.heads), spec.queryScale);
  const keys = splitHeads(k, rows, batch.length, config.heads);
  const values = splitHeads(v, rows, batch.length, config.heads);
  const logits = tf.add(tf.matMul(queries, keys, false, true), keyBias);
  const context = tf.matMul(tf.softmax(logits), values);
  const merged = tf.reshape(tf.transpose(context, [0, 2, 1, 3]), [rows * batch.length, spec.attentionDim]) as tf.Tensor2D;
  const attended = dense(merged, t['attn_out.kernel'], t['attn_out.bias']);
  const residual = layer.residual ? dense(h, layer.residual.kernel, layer.residual.bias) : h;
  const afterAttention = tf.add(attended, residual);
  const ffnInput = layerNorm(afterAttention, t['ffn_norm.scale'], t['ffn_norm.bias'], config.layerNormEpsilon);
  const ffn = dense(tf.relu(dense(ffnInput, t['ffn_in.kernel'], t['ffn_in.bias'])), t['ffn_out.kernel'], t['ffn_out.bias']);
  return tf.add(afterAttention, ffn);
}

/** Additive attention bias: 0 for real tokens, -1e9 for padding, so padded keys get no weight. */
function keyBiasFor(batch: PaddedBatch): Float32Array {
  const bias = new Float32Array(batch.lengths.length * batch.length);
  batch.lengths.forEach((len, row) => bias.fill(-1e9, row * batch.length + len, (row + 1) * batch.length));
  return bias;
}

/** Mean-pooling weights: 1/len over a sentence's real tokens (len clamped to 1, as the graph does). */
function poolWeightsFor(batch: PaddedBatch): Float32Array {
  const weights = new Float32Array(batch.lengths.length * batch.length);
  batch.lengths.forEach((len, row) => weights.fill(1 / Math.max(len, 1), row * batch.length, row * batch.length + len));
  return weights;
}

/** Runs the encoder on one padded batch; returns `[batch, 512]` L2-normalised embeddings. */
export function encodeBatch(weights: EncoderWeights, config: EncoderConfig, batch: PaddedBatch, timing: Float32Array): tf.Tensor2D {
  const rows = batch.lengths.length;
  const length = batch.length;
  return tf.tidy(() => {
    const ids = tf.tensor1d(batch.ids, 'int32');
    const embedded = tf.mul(tf.gather(weights.embeddings, ids), config.embeddingScale);
    const positions = tf.tensor2d(timing, [length, config.embeddingDim]);
    let h = tf.reshape(tf.add(tf.reshape(embedded, [rows, length, config.embeddingDim]), positions), [rows * length, config.embeddingDim]) as tf.Tensor2D;
    const keyBias = tf.tensor4d(keyBiasFor(batch), [rows, 1, 1, length]);
    weights.layers.forEach((layer, index) => {
      h = transformerLayer(h, layer, config, index, batch, keyBias);
    });
    const poolWeights = tf.tensor3d(poolWeightsFor(batch), [rows, 1, length]);
    const hidden = tf.reshape(h, [rows, length, config.outputDim]) as tf.Tensor3D;
    const pooled = tf.reshape(tf.matMul(poolWeights, hidden), [rows, config.outputDim]) as tf.Tensor2D;
    const projected = tf.tanh(dense(pooled, weights.pool.kernel, weights.pool.bias));
    const squaredNorm = tf.maximum(tf.sum(tf.square(projected), -1, true), 1e-12);
    return tf.mul(projected, tf.rsqrt(squaredNorm));
  });
}
