import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { activateBackend, sparseDenseMatMul } from '../src/engine/backend';
import { spmm } from '../src/engine/gnn/spmm-cpu';
import { maxScaledDifference, randomSpmmCase, standardSpmmCases, type SpmmCase } from './helpers/random-csr';

const TOLERANCE = 1e-4;

/** Runs `sparseDenseMatMul` on the active backend and reads the result back. */
async function runOnActiveBackend({ a, width, x }: SpmmCase): Promise<{ shape: number[]; values: Float32Array }> {
  const inputs = {
    rowPtr: tf.tensor1d(a.rowPtr, 'int32'),
    colIdx: tf.tensor1d(a.colIdx, 'int32'),
    values: tf.tensor1d(a.values, 'float32'),
    rows: a.rows,
  };
  const features = tf.tensor2d(x, [a.cols, width], 'float32');
  const out = sparseDenseMatMul(inputs, features);
  const values = (await out.data()) as Float32Array;
  const shape = out.shape;
  tf.dispose([inputs.rowPtr, inputs.colIdx, inputs.values, features, out]);
  return { shape, values };
}

const cases: SpmmCase[] = [
  ...standardSpmmCases(),
  {
    // sparseSegmentSum stops at the last row with an entry: the trailing empty rows must be padded.
    name: 'last three rows empty',
    a: { rows: 5, cols: 3, rowPtr: Int32Array.from([0, 1, 3, 3, 3, 3]), colIdx: Int32Array.from([2, 0, 1]), values: Float32Array.from([2, -1, 0.25]) },
    width: 2,
    x: Float32Array.from([1, 2, 3, 4, 5, 6]),
  },
  randomSpmmCase('no rows', 0, 4, 3, 2, 8),
];

describe.each(['wasm', 'cpu'] as const)('sparseDenseMatMul on the %s backend (stock tfjs ops)', (backend) => {
  it.each(cases.map((c) => [c.name, c] as const))('matches the float32 reference: %s', async (_name, testCase) => {
    await activateBackend(backend);
    const tensorsBefore = tf.memory().numTensors;
    const { shape, values } = await runOnActiveBackend(testCase);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(shape).toEqual([testCase.a.rows, testCase.width]);
    expect(maxScaledDifference(values, spmm(testCase.a, testCase.x, testCase.width))).toBeLessThanOrEqual(TOLERANCE);
  });

  it('rejects CSR tensors that disagree with rows', async () => {
    await activateBackend(backend);
    const rowPtr = tf.tensor1d([0, 1], 'int32');
    const colIdx = tf.tensor1d([0], 'int32');
    const values = tf.tensor1d([1], 'float32');
    const x = tf.zeros<tf.Rank.R2>([1, 1]);
    expect(() => sparseDenseMatMul({ rowPtr, colIdx, values, rows: 2 }, x)).toThrow(RangeError);
    tf.dispose([rowPtr, colIdx, values, x]);
  });
});
