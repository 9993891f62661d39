import { describe, expect, it } from 'vitest';
import { EngineError } from '../src/engine/errors';
import { decodeGnnModel, encodeGnnModel } from '../src/engine/gnn/artefact';
import type { GnnItemSide } from '../src/engine/gnn/model';
import { createRng } from '../tools/lib/random';

function randomModel(seed: number, itemCount: number, dim: number, layers: number, profileDim: number): GnnItemSide {
  const rng = createRng(seed);
  const table = (rows: number): Float32Array => Float32Array.from({ length: rows * dim }, () => rng.normal());
  return {
    itemCount,
    dim,
    layers,
    profileDim,
    profileProjection: table(profileDim),
    aggregationSource: table(itemCount),
    itemLayers: Array.from({ length: layers }, () => table(itemCount)),
    itemFinal: table(itemCount),
    itemDegree: Float32Array.from({ length: itemCount }, (_, item) => item * 1.5),
    eventWeights: { positive: 1, click: 0.5, view: 0.2 },
    demoteDismissed: true,
  };
}

const maxRowError = (a: Float32Array, b: Float32Array, dim: number): number => {
  let worst = 0;
  for (let row = 0; row * dim < a.length; row++) {
    let peak = 0;
    let error = 0;
    for (let c = 0; c < dim; c++) {
      peak = Math.max(peak, Math.abs(a[row * dim + c]!));
      error = Math.max(error, Math.abs(a[row * dim + c]! - b[row * dim + c]!));
    }
    worst = Math.max(worst, peak === 0 ? error : error / peak);
  }
  return worst;
};

describe('gnn artefact (gnn-int8/1)', () => {
  it('round-trips every table within half an int8 step of its row and keeps shapes, degrees and settings', () => {
    const model = randomModel(3, 17, 8, 2, 5);
    const { modelFile, weightsBin } = encodeGnnModel(model);
    const decoded = decodeGnnModel(JSON.parse(JSON.stringify(modelFile)), weightsBin);
    expect(decoded.itemLayers).toHaveLength(2);
    expect(Array.from(decoded.itemDegree)).toEqual(Array.from(model.itemDegree));
    expect(decoded.eventWeights).toEqual(model.eventWeights);
    expect(decoded.profileDim).toBe(5);
    const halfStep = 0.5 / 127 + 1e-6;
    expect(maxRowError(model.aggregationSource, decoded.aggregationSource, 8)).toBeLessThanOrEqual(halfStep);
    expect(maxRowError(model.itemFinal, decoded.itemFinal, 8)).toBeLessThanOrEqual(halfStep);
    expect(maxRowError(model.itemLayers[1]!, decoded.itemLayers[1]!, 8)).toBeLessThanOrEqual(halfStep);
    expect(maxRowError(model.profileProjection, decoded.profileProjection, 8)).toBeLessThanOrEqual(halfStep);
    // One byte per value, a float32 scale per row, float32 degrees: 4 item tables, 1 profile table.
    const rows = 17 * 4 + 5;
    expect(weightsBin.byteLength).toBe(rows * 8 + rows * 4 + 17 * 4);
  });

  it('rejects a truncated weights file or a foreign model.json with MODEL_LOAD_FAILED', () => {
    const { modelFile, weightsBin } = encodeGnnModel(randomModel(4, 9, 4, 1, 0));
    const failure = (run: () => unknown): EngineError => {
      try {
        run();
      } catch (error) {
        if (error instanceof EngineError) return error;
        throw error;
      }
      throw new Error('expected a failure');
    };
    expect(failure(() => decodeGnnModel(modelFile, weightsBin.subarray(0, 40))).code).toBe('MODEL_LOAD_FAILED');
    expect(failure(() => decodeGnnModel({ ...modelFile, format: 'use-lite-int8/2' }, weightsBin)).code).toBe('MODEL_LOAD_FAILED');
    expect(failure(() => decodeGnnModel({ ...modelFile, itemCount: 10 }, weightsBin)).message).toMatch(/npm run models/);
    // A hand-edited layout: a non-numeric offset or event weight is refused, not read from byte 0.
    const tensors = { ...modelFile.tensors, itemFinal: { ...modelFile.tensors.itemFinal!, offset: '8' } };
    expect(failure(() => decodeGnnModel({ ...modelFile, tensors }, weightsBin)).code).toBe('MODEL_LOAD_FAILED');
    expect(failure(() => decodeGnnModel({ ...modelFile, eventWeights: { positive: 1, click: 'x', view: 0 } }, weightsBin)).code).toBe('MODEL_LOAD_FAILED');
  });
});
