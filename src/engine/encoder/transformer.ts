import * as tf from '@tensorflow/tfjs-core';
import type { PaddedBatch } from './batching';
import type { EncoderConfig } from './model-format';
import type { EncoderWeights, LayerWeights } from './weights';

/**
 * The Universal Sentence Encoder Lite forward pass written with explicit tfjs ops on a padded,
 * masked batch. Every shape is known on the CPU before the ops run, so no op reads a tensor back
 * from the GPU (the original graph's dynamic-shape ops do, which loses the WebGPU device).
 */

function layerNorm(x: tf.Tensor2D, scale: tf.Tensor, bias: tf.Tensor, epsilon: number): tf.Tensor2D {
  const mean = tf.mean(x, -1, true);
  const centered = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centered), -1, true);
  return tf.add<tf.Tensor2D>(tf.mul(tf.mul(centered, tf.rsqrt(tf.add(variance, epsilon))), scale), bias);
}

/** `x · kernel + bias` (then ReLU) as one fused kernel: no extra pass over the activations. */
function dense(x: tf.Tensor2D, kernel: tf.Tensor, bias: tf.Tensor, activation: 'linear' | 'relu' = 'linear'): tf.Tensor2D {
  return tf.fused.matMul({ a: x, b: kernel as tf.Tensor2D, bias, activation }) as tf.Tensor2D;
}

/** `[sentences·length, width]` → `[sentences, heads, length, width/heads]`. */
function splitHeads(x: tf.Tensor2D, batch: PaddedBatch, heads: number): tf.Tensor4D {
  const width = x.shape[1] / heads;
  return tf.transpose(tf.reshape(x, [batch.lengths.length, batch.length, heads, width]), [0, 2, 1, 3]);
}

/** Multi-head self-attention; `keyBias` is 0 for real keys and -1e9 for padding. */
function selfAttention(normed: tf.Tensor2D, layer: LayerWeights, config: EncoderConfig, index: number, batch: PaddedBatch, keyBias: tf.Tensor4D): tf.Tensor2D {
  const t = layer.tensors;
  const spec = config.layers[index];
  if (!spec) throw new RangeError(`no layer ${index}`);
  const queries = tf.mul(splitHeads(dense(normed, t['query.kernel'], t['query.bias']), batch, config.heads), spec.queryScale);
  const keys = splitHeads(dense(normed, t['key.kernel'], t['key.bias']), batch, config.heads);
  const values = splitHeads(dense(normed, t['value.kernel'], t['value.bias']), batch, config.heads);
  const weights = tf.softmax(tf.add(tf.matMul(queries, keys, false, true), keyBias));
  const rows = batch.lengths.length * batch.length;
  const context = tf.reshape(tf.transpose(tf.matMul(weights, values), [0, 2, 1, 3]), [rows, spec.attentionDim]) as tf.Tensor2D;
  return dense(context, t['attn_out.kernel'], t['attn_out.bias']);
}

function transformerLayer(h: tf.Tensor2D, layer: LayerWeights, config: EncoderConfig, index: number, batch: PaddedBatch, keyBias: tf.Tensor4D): tf.Tensor2D {
  const t = layer.tensors;
  const normed = layerNorm(h, t['attn_norm.scale'], t['attn_norm.bias'], config.layerNormEpsilon);
  const residual = layer.residual ? dense(h, layer.residual.kernel, layer.residual.bias) : h;
  const afterAttention = tf.add<tf.Tensor2D>(selfAttention(normed, layer, config, index, batch, keyBias), residual);
  const ffnInput = layerNorm(afterAttention, t['ffn_norm.scale'], t['ffn_norm.bias'], config.layerNormEpsilon);
  const ffn = dense(dense(ffnInput, t['ffn_in.kernel'], t['ffn_in.bias'], 'relu'), t['ffn_out.kernel'], t['ffn_out.bias']);
  return tf.add<tf.Tensor2D>(afterAttention, ffn);
}

function keyBiasFor(batch: PaddedBatch): Float32Array {
  const bias = new Float32Array(batch.lengths.length * batch.length);
  batch.lengths.forEach((len, row) => bias.fill(-1e9, row * batch.length + len, (row + 1) * batch.length));
  return bias;
}

/** Mean-pooling weights `[sentences, 1, length]`: 1/len on real tokens, 0 on padding. */
function poolWeightsFor(batch: PaddedBatch): Float32Array {
  const weights = new Float32Array(batch.lengths.length * batch.length);
  batch.lengths.forEach((len, row) => weights.fill(1 / Math.max(len, 1), row * batch.length, row * batch.length + len));
  return weights;
}

/** L2 row normalisation with the graph's floor on the squared norm. */
function l2Normalise(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.rsqrt(tf.maximum(tf.sum(tf.square(x), -1, true), 1e-12)));
}

/** Runs the encoder on one padded batch; returns `[sentences, 512]` L2-normalised rows. */
export function encodeBatch(weights: EncoderWeights, config: EncoderConfig, batch: PaddedBatch): tf.Tensor2D {
  const sentences = batch.lengths.length;
  const { length } = batch;
  return tf.tidy(() => {
    const embedded = tf.mul(tf.gather(weights.embeddings, tf.tensor1d(batch.ids, 'int32')), config.embeddingScale);
    const positions = tf.slice(weights.timing, [0, 0], [length, config.embeddingDim]);
    let h = tf.reshape(tf.add(tf.reshape(embedded, [sentences, length, config.embeddingDim]), positions), [sentences * length, config.embeddingDim]) as tf.Tensor2D;
    const keyBias = tf.tensor4d(keyBiasFor(batch), [sentences, 1, 1, length]);
    weights.layers.forEach((layer, index) => {
      h = transformerLayer(h, layer, config, index, batch, keyBias);
    });
    const poolWeights = tf.tensor3d(poolWeightsFor(batch), [sentences, 1, length]);
    const hidden = tf.reshape(h, [sentences, length, config.outputDim]) as tf.Tensor3D;
    const pooled = tf.reshape(tf.matMul(poolWeights, hidden), [sentences, config.outputDim]) as tf.Tensor2D;
    return l2Normalise(tf.tanh(dense(pooled, weights.pool.kernel, weights.pool.bias)));
  });
}

/** The output for a sentence without tokens: mean pooling over nothing is the zero vector. */
export function encodeEmpty(weights: EncoderWeights, config: EncoderConfig): tf.Tensor2D {
  return tf.tidy(() => l2Normalise(tf.tanh(dense(tf.zeros([1, config.outputDim]), weights.pool.kernel, weights.pool.bias))));
}
