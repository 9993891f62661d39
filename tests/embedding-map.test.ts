import { describe, expect, it } from 'vitest';
import { principalPlane, projectOntoPlane } from '../src/engine/rank/embedding-map';
import { createRng } from '../tools/lib/random';

const DIM = 6;

/** Two orthonormal directions of a 6-d space that are not coordinate axes. */
const U = Float64Array.from([1, 1, 0, 0, 1, 1]).map((v) => v / 2);
const V = Float64Array.from([1, -1, 1, -1, 0, 0]).map((v) => v / 2);
const OFFSET = [5, -2, 0.5, 0, 1, 3];

/** Rows spread widely along U, less along V, and barely along anything else, around OFFSET. */
function samples(count: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const rows = new Float32Array(count * DIM);
  for (let r = 0; r < count; r++) {
    const a = (rng.next() - 0.5) * 10;
    const b = (rng.next() - 0.5) * 3;
    for (let c = 0; c < DIM; c++) rows[r * DIM + c] = OFFSET[c]! + a * U[c]! + b * V[c]! + (rng.next() - 0.5) * 0.01;
  }
  return rows;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => Array.from(a).reduce((sum, value, c) => sum + value * b[c]!, 0);

describe('principalPlane', () => {
  it('finds the two directions of largest spread, orthonormal, with a fixed sign', () => {
    const plane = principalPlane(samples(200, 1), 200, DIM);
    const [first, second] = plane.axes;
    expect(Math.abs(dot(first, U))).toBeGreaterThan(0.9999);
    expect(Math.abs(dot(second, V))).toBeGreaterThan(0.9999);
    expect(dot(first, first)).toBeCloseTo(1, 10);
    expect(dot(second, second)).toBeCloseTo(1, 10);
    expect(Math.abs(dot(first, second))).toBeLessThan(1e-6);
    for (const axis of [first, second]) {
      const largest = Array.from(axis).reduce((best, value) => (Math.abs(value) > Math.abs(best) ? value : best), 0);
      expect(largest).toBeGreaterThan(0);
    }
    for (let c = 0; c < DIM; c++) expect(plane.mean[c]).toBeCloseTo(OFFSET[c]!, 0);
  });

  it('places each row at its coordinates along the axes, and the mean at the origin', () => {
    const rows = samples(50, 2);
    const plane = principalPlane(rows, 50, DIM);
    const point = projectOntoPlane(plane, rows, 3 * DIM);
    const centred = Array.from(rows.subarray(3 * DIM, 4 * DIM), (value, c) => value - plane.mean[c]!);
    expect(point.x).toBeCloseTo(dot(centred, plane.axes[0]), 5);
    expect(point.y).toBeCloseTo(dot(centred, plane.axes[1]), 5);
    const origin = projectOntoPlane(plane, plane.mean);
    expect(Math.hypot(origin.x, origin.y)).toBeLessThan(1e-9);
  });
});
