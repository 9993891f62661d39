import * as tf from '@tensorflow/tfjs-core';
import type { PaddedBatch } from './batching';
import type { EncoderConfig, EncoderLayerConfig } from './model-format';
import type { EncoderWeights, LayerWeights } from './weights';

/**
 * The Universal Sentence Encoder Lite forward pass written with explicit tfjs ops on a padded,
 * masked batch. Every shape is known on the CPU before the ops run, so no op reads a tensor back
 * from the GPU (the original graph's dynamic-shape ops do, which loses the WebGPU device).
 */

/** Layer norm without scale and shift: those are folded into the projections that follow. */
function normalise(x: tf.Tensor2D, epsilon: number): tf.Tensor2D {
  const centered = tf.sub<tf.Tensor2D>(x, tf.mean(x, -1, true));
  const variance = tf.mean(tf.square(centered), -1, true);
  return tf.mul<tf.Tensor2D>(centered, tf.rsqrt(tf.add(variance, epsilon)));
}

/** `x · kernel + bias` (then ReLU) as one fused kernel: no extra pass over the activations. */
function dense(x: tf.Tensor2D, kernel: tf.Tensor2D, bias: tf.Tensor1D, activation: 'linear' | 'relu' = 'linear'): tf.Tensor2D {
  return tf.fused.matMul({ a: x, b: kernel, bias, activation }) as tf.Tensor2D;
}

/** `[sentences·length, width]` → `[sentences, heads, length, width/heads]`. */
function splitHeads(x: tf.Tensor2D, batch: PaddedBatch, heads: number): tf.Tensor4D {
  const width = x.shape[1] / heads;
  return tf.transpose(tf.reshape<tf.Rank.R4>(x, [batch.lengths.length, batch.length, heads, width]), [0, 2, 1, 3]);
}

/** Multi-head self-attention; `keyBias` is 0 for real keys and -1e9 for padding. */
function selfAttention(normed: tf.Tensor2D, layer: LayerWeights, spec: EncoderLayerConfig, heads: number, batch: PaddedBatch, keyBias: tf.Tensor4D): tf.Tensor2D {
  const t = layer.tensors;
  const queries = splitHeads(dense(normed, t['query.kernel'], t['query.bias']), batch, heads);
  const keys = splitHeads(dense(normed, t['key.kernel'], t['key.bias']), batch, heads);
  const values = splitHeads(dense(normed, t['value.kernel'], t['value.bias']), batch, heads);
  const weights = tf.softmax(tf.add(tf.matMul(queries, keys, false, true), keyBias));
  const rows = batch.lengths.length * batch.length;
  const context = tf.reshape<tf.Rank.R2>(tf.transpose(tf.matMul(weights, values), [0, 2, 1, 3]), [rows, spec.attentionDim]);
  return dense(context, t['attn_out.kernel'], t['attn_out.bias']);
}

/** The attention half of a layer: `h + attention(norm(h))`, with the residual projected where widths differ. */
function attentionBlock(h: tf.Tensor2D, layer: LayerWeights, spec: EncoderLayerConfig, config: EncoderConfig, batch: PaddedBatch, keyBias: tf.Tensor4D): tf.Tensor2D {
  const residual = layer.residual ? dense(h, layer.residual.kernel, layer.residual.bias) : h;
  return tf.add<tf.Tensor2D>(selfAttention(normalise(h, config.layerNormEpsilon), layer, spec, config.heads, batch, keyBias), residual);
}

/** The feed-forward hidden activations `relu(norm(x)·W1 + b1)`; the output projection is left to the caller. */
function feedForwardHidden(x: tf.Tensor2D, layer: LayerWeights, config: EncoderConfig): tf.Tensor2D {
  return dense(normalise(x, config.layerNormEpsilon), layer.tensors['ffn_in.kernel'], layer.tensors['ffn_in.bias'], 'relu');
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
  return tf.mul<tf.Tensor2D>(x, tf.rsqrt(tf.maximum(tf.sum(tf.square(x), -1, true), 1e-12)));
}

/**
 * Runs the encoder on one padded batch; returns `[sentences, 512]` L2-normalised rows.
 * The last layer's feed-forward output projection is linear, so it commutes with mean pooling: it
 * runs once per sentence on the pooled activations instead of once per token (exact, 17% fewer FLOPs).
 */
export function encodeBatch(weights: EncoderWeights, config: EncoderConfig, batch: PaddedBatch): tf.Tensor2D {
  const sentences = batch.lengths.length;
  const { length } = batch;
  return tf.tidy(() => {
    const embedded = tf.reshape<tf.Rank.R3>(tf.gather(weights.embeddings, tf.tensor1d(batch.ids, 'int32')), [sentences, length, config.embeddingDim]);
    const positions = tf.slice(weights.timing, [0, 0], [length, config.embeddingDim]);
    let h = tf.reshape<tf.Rank.R2>(tf.add(embedded, positions), [sentences * length, config.embeddingDim]);
    const keyBias = tf.tensor4d(keyBiasFor(batch), [sentences, 1, 1, length]);
    const poolWeights = tf.tensor3d(poolWeightsFor(batch), [sentences, 1, length]);
    const meanPool = (x: tf.Tensor2D) => tf.reshape<tf.Rank.R2>(tf.matMul(poolWeights, tf.reshape<tf.Rank.R3>(x, [sentences, length, x.shape[1]])), [sentences, x.shape[1]]);
    let pooled: tf.Tensor2D | undefined;
    config.layers.forEach((spec, index) => {
      const layer = weights.layers[index];
      if (!layer) throw new RangeError(`the encoder weights lack layer ${index}`);
      const attended = attentionBlock(h, layer, spec, config, batch, keyBias);
      const hidden = feedForwardHidden(attended, layer, config);
      const { 'ffn_out.kernel': kernel, 'ffn_out.bias': bias } = layer.tensors;
      if (index < config.layers.length - 1) h = tf.add<tf.Tensor2D>(attended, dense(hidden, kernel, bias));
      else pooled = tf.add<tf.Tensor2D>(meanPool(attended), dense(meanPool(hidden), kernel, bias));
    });
    if (!pooled) throw new RangeError('the encoder has no layers');
    return l2Normalise(tf.tanh(dense(pooled, weights.pool.kernel, weights.pool.bias)));
  });
}

/** The output for a sentence without tokens: mean pooling over nothing is the zero vector. */
export function encodeEmpty(weights: EncoderWeights, config: EncoderConfig): tf.Tensor2D {
  return tf.tidy(() => l2Normalise(tf.tanh(dense(tf.zeros([1, config.outputDim]), weights.pool.kernel, weights.pool.bias))));
}
