import * as tf from '@tensorflow/tfjs-core';
import { EngineError } from '../errors';
import { dequantizeInt8 } from '../quant/int8';
import { LAYER_TENSORS, type EncoderModelFile, type TensorEntry } from './model-format';
import { timingSignal } from './timing';

type LayerTensorName = (typeof LAYER_TENSORS)[number];

export interface LayerWeights {
  readonly tensors: Record<LayerTensorName, tf.Tensor>;
  readonly residual?: { kernel: tf.Tensor2D; bias: tf.Tensor1D };
}

/** The encoder's weights as float32 tensors on the active backend, plus the CPU-side timing table. */
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

/** Expands the int8 weights and uploads every tensor once; callers dispose them with `dispose()`. */
export function loadEncoderWeights(model: EncoderModelFile, bin: Uint8Array): EncoderWeights {
  const byName = new Map(model.tensors.map((t) => [t.name, t]));
  const created: tf.Tensor[] = [];
  const take = (name: string): tf.Tensor => {
    const entry = byName.get(name);
    if (!entry) throw new EngineError('MODEL_LOAD_FAILED', `The encoder model lacks tensor ${name}. Run "npm run models".`);
    const tensor = tf.tensor(decodeEntry(entry, bin), [...entry.shape], 'float32');
    created.push(tensor);
    return tensor;
  };
  const invEntry = byName.get('timing.inv_timescales');
  if (!invEntry) throw new EngineError('MODEL_LOAD_FAILED', 'The encoder model lacks its timing signal. Run "npm run models".');

  const layers = model.config.layers.map((layer, index): LayerWeights => {
    const tensors = Object.fromEntries(LAYER_TENSORS.map((name) => [name, take(`layer${index}.${name}`)])) as Record<LayerTensorName, tf.Tensor>;
    return layer.projectResidual
      ? { tensors, residual: { kernel: take(`layer${index}.residual.kernel`) as tf.Tensor2D, bias: take(`layer${index}.residual.bias`) as tf.Tensor1D } }
      : { tensors };
  });
  const { maxTokens, embeddingDim } = model.config;
  const timing = tf.tensor2d(timingSignal(decodeEntry(invEntry, bin), maxTokens), [maxTokens, embeddingDim]);
  created.push(timing);
  return {
    embeddings: take('embeddings') as tf.Tensor2D,
    timing,
    layers,
    pool: { kernel: take('pool.kernel') as tf.Tensor2D, bias: take('pool.bias') as tf.Tensor1D },
    dispose: () => created.forEach((t) => t.dispose()),
  };
}
