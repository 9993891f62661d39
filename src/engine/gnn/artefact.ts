/**
 * The shipped GNN's file format (`gnn-int8/1`): `model.json` describes the tensors of `weights.bin`;
 * every float table is int8 with one float32 scale per row (per item, per profile feature), so
 * each item's score keeps its own precision. Written by `npm run train`, read on the device.
 */
import { EngineError } from '../errors';
import { dequantizeInt8, quantizeInt8 } from '../quant/int8';
import type { EventWeights, GnnItemSide } from './model';

export const GNN_FORMAT = 'gnn-int8/1';

/** Where one tensor lies in `weights.bin` (byte offsets). */
export type TensorEntry =
  | { readonly dtype: 'int8'; readonly rows: number; readonly cols: number; readonly offset: number; readonly scaleOffset: number }
  | { readonly dtype: 'float32'; readonly length: number; readonly offset: number };

export interface GnnModelFile {
  readonly format: typeof GNN_FORMAT;
  readonly itemCount: number;
  readonly dim: number;
  readonly layers: number;
  readonly profileDim: number;
  readonly eventWeights: EventWeights;
  readonly demoteDismissed: boolean;
  readonly tensors: Readonly<Record<string, TensorEntry>>;
}

const itemLayerName = (layer: number): string => `itemLayer${layer}`;

/** Packs the device model: int8 tables with per-row scales, 4-byte aligned, plus the layout. */
export function encodeGnnModel(model: GnnItemSide): { modelFile: GnnModelFile; weightsBin: Uint8Array } {
  const parts: Uint8Array[] = [];
  let size = 0;
  const append = (bytes: Uint8Array): number => {
    const offset = size;
    const padded = Math.ceil(bytes.byteLength / 4) * 4;
    const copy = new Uint8Array(padded);
    copy.set(bytes);
    parts.push(copy);
    size += padded;
    return offset;
  };
  const tensors: Record<string, TensorEntry> = {};
  const addInt8 = (name: string, values: Float32Array, rows: number, cols: number): void => {
    const quantized = quantizeInt8(values, rows, cols, 0);
    const offset = append(new Uint8Array(quantized.values.buffer, quantized.values.byteOffset, quantized.values.byteLength));
    const scaleOffset = append(new Uint8Array(quantized.scales.buffer, quantized.scales.byteOffset, quantized.scales.byteLength));
    tensors[name] = { dtype: 'int8', rows, cols, offset, scaleOffset };
  };
  const { itemCount, dim } = model;
  addInt8('aggregationSource', model.aggregationSource, itemCount, dim);
  model.itemLayers.forEach((layer, index) => addInt8(itemLayerName(index), layer, itemCount, dim));
  addInt8('itemFinal', model.itemFinal, itemCount, dim);
  if (model.profileDim > 0) addInt8('profileProjection', model.profileProjection, model.profileDim, dim);
  const degree = model.itemDegree;
  tensors.itemDegree = { dtype: 'float32', length: degree.length, offset: append(new Uint8Array(degree.buffer, degree.byteOffset, degree.byteLength)) };
  const weightsBin = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    weightsBin.set(part, at);
    at += part.byteLength;
  }
  return {
    modelFile: {
      format: GNN_FORMAT,
      itemCount,
      dim,
      layers: model.layers,
      profileDim: model.profileDim,
      eventWeights: model.eventWeights,
      demoteDismissed: model.demoteDismissed,
      tensors,
    },
    weightsBin,
  };
}

function malformed(problem: string): EngineError {
  return new EngineError('MODEL_LOAD_FAILED', `The recommendation model is malformed (${problem}). Run "npm run models" to rebuild it.`);
}

const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const isWeight = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function isEventWeights(value: unknown): value is EventWeights {
  if (typeof value !== 'object' || value === null) return false;
  const weights = value as Partial<Record<keyof EventWeights, unknown>>;
  return isWeight(weights.positive) && isWeight(weights.click) && isWeight(weights.view) && (weights.prior === undefined || isWeight(weights.prior));
}

function isTensorEntry(value: unknown): value is TensorEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (entry.dtype === 'int8') return [entry.rows, entry.cols, entry.offset, entry.scaleOffset].every(isCount);
  return entry.dtype === 'float32' && isCount(entry.length) && isCount(entry.offset);
}

function isModelFile(value: unknown): value is GnnModelFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<Record<keyof GnnModelFile, unknown>>;
  return (
    file.format === GNN_FORMAT &&
    [file.itemCount, file.dim, file.layers, file.profileDim].every(isCount) &&
    isEventWeights(file.eventWeights) &&
    typeof file.demoteDismissed === 'boolean' &&
    typeof file.tensors === 'object' &&
    file.tensors !== null &&
    Object.values(file.tensors).every(isTensorEntry)
  );
}

/** Reads `model.json` + `weights.bin` back into the float32 device model; a broken file is MODEL_LOAD_FAILED. */
export function decodeGnnModel(json: unknown, weightsBin: Uint8Array): GnnItemSide {
  if (!isModelFile(json)) throw malformed(`model.json is not a ${GNN_FORMAT} model`);
  const { itemCount, dim, layers, profileDim, tensors } = json;
  // Copy into an aligned buffer: typed views need 4-byte alignment for the scales and degrees.
  const buffer = weightsBin.slice().buffer;
  const int8 = (name: string, rows: number, cols: number): Float32Array => {
    const entry = tensors[name];
    if (entry?.dtype !== 'int8' || entry.rows !== rows || entry.cols !== cols) throw malformed(`tensor ${name} is missing or has the wrong shape`);
    if (entry.offset + rows * cols > buffer.byteLength || entry.scaleOffset + rows * 4 > buffer.byteLength || entry.scaleOffset % 4 !== 0) {
      throw malformed(`tensor ${name} lies outside weights.bin`);
    }
    return dequantizeInt8({
      rows,
      cols,
      axis: 0,
      values: new Int8Array(buffer, entry.offset, rows * cols),
      scales: new Float32Array(buffer, entry.scaleOffset, rows),
    });
  };
  const degree = tensors.itemDegree;
  if (degree?.dtype !== 'float32' || degree.length !== itemCount || degree.offset % 4 !== 0 || degree.offset + itemCount * 4 > buffer.byteLength) {
    throw malformed('tensor itemDegree is missing or has the wrong shape');
  }
  return {
    itemCount,
    dim,
    layers,
    profileDim,
    profileProjection: profileDim > 0 ? int8('profileProjection', profileDim, dim) : new Float32Array(0),
    aggregationSource: int8('aggregationSource', itemCount, dim),
    itemLayers: Array.from({ length: Math.max(layers, 1) }, (_, layer) => int8(itemLayerName(layer), itemCount, dim)),
    itemFinal: int8('itemFinal', itemCount, dim),
    itemDegree: new Float32Array(buffer, degree.offset, itemCount).slice(),
    eventWeights: json.eventWeights,
    demoteDismissed: json.demoteDismissed,
  };
}
