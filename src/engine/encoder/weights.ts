import * as tf from '@tensorflow/tfjs-core';
import { EngineError } from '../errors';
import { dequantizeInt8 } from '../quant/int8';
import { LAYER_TENSORS, type EncoderModelFile, type TensorEntry } from './model-format';
import { timingSignal } from './timing';

type LayerTensorName = (typeof LAYER_TENSORS)[number];

/** Kernels are matrices, biases vectors. */
export type LayerTensors = { readonly [K in LayerTensorName]: K extends `${string}.kernel` ? tf.Tensor2D : tf.Tensor1D };

export interface LayerWeights {
  readonly tensors: LayerTensors;
  readonly residual?: { kernel: tf.Tensor2D; bias: tf.Tensor1D };
}

/** The encoder's weights as float32 tensors on the active backend. */
export interface EncoderWeights {
  readonly embeddings: tf.Tensor2D;
  /** Position signal for every position up to the model's token limit, `[maxTokens, embeddingDim]`. */
  readonly timing: tf.Tensor2D;
  readonly layers: readonly LayerWeights[];
  readonly pool: { kernel: tf.Tensor2D; bias: tf.Tensor1D };
  dispose(): void;
}

function decodeEntry(entry: TensorEntry, bin: Uint8Array): Float32Array {
  const end = entry.byteOffset + entry.byteLength;
  if (end > bin.byteLength) {
    throw new EngineError('MODEL_LOAD_FAILED', `The encoder weights file is too short for ${entry.name}. Run "npm run models".`);
  }
  const copy = bin.slice(entry.byteOffset, end).buffer;
  if (entry.encoding === 'float32') return new Float32Array(copy);
  const [rows = 0, cols = 0] = entry.shape;
  const channels = entry.axis === 0 ? rows : cols;
  const scalesStart = entry.scalesByteOffset ?? 0;
  const scales = new Float32Array(bin.slice(scalesStart, scalesStart + channels * 4).buffer);
  return dequantizeInt8({ rows, cols, axis: entry.axis ?? 1, values: new Int8Array(copy), scales });
}

/** Expands the int8 weights and uploads every tensor once; callers free them with `dispose()`. */
export function loadEncoderWeights(model: EncoderModelFile, bin: Uint8Array): EncoderWeights {
  const byName = new Map(model.tensors.map((t) => [t.name, t]));
  const created: tf.Tensor[] = [];
  const entry = (name: string): TensorEntry => {
    const found = byName.get(name);
    if (!found) throw new EngineError('MODEL_LOAD_FAILED', `The encoder model lacks tensor ${name}. Run "npm run models".`);
    return found;
  };
  const matrix = (name: string): tf.Tensor2D => {
    const e = entry(name);
    const [rows = 0, cols = 0] = e.shape;
    const tensor = tf.tensor2d(decodeEntry(e, bin), [rows, cols]);
    created.push(tensor);
    return tensor;
  };
  const vector = (name: string): tf.Tensor1D => {
    const tensor = tf.tensor1d(decodeEntry(entry(name), bin));
    created.push(tensor);
    return tensor;
  };

  const layers = model.config.layers.map((spec, index): LayerWeights => {
    const tensors = Object.fromEntries(
      LAYER_TENSORS.map((name) => [name, name.endsWith('.kernel') ? matrix(`layer${index}.${name}`) : vector(`layer${index}.${name}`)]),
    ) as unknown as LayerTensors;
    if (!spec.projectResidual) return { tensors };
    return { tensors, residual: { kernel: matrix(`layer${index}.residual.kernel`), bias: vector(`layer${index}.residual.bias`) } };
  });
  const { maxTokens, embeddingDim } = model.config;
  const timing = tf.tensor2d(timingSignal(decodeEntry(entry('timing.inv_timescales'), bin), maxTokens), [maxTokens, embeddingDim]);
  created.push(timing);
  return {
    embeddings: matrix('embeddings'),
    timing,
    layers,
    pool: { kernel: matrix('pool.kernel'), bias: vector('pool.bias') },
    dispose: () => {
      created.forEach((t) => {
        t.dispose();
      });
    },
  };
}
