import { describe, expect, it } from 'vitest';
import { dequantizeInt8, quantizeInt8 } from '../src/engine/quant/int8';

function seededValues(count: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: count }, () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return (state / 2 ** 32 - 0.5) * 4;
  });
}

describe('int8 per-channel quantization', () => {
  it.each([0, 1] as const)('reconstructs every value within half a step of its channel (axis %i)', (axis) => {
    const rows = 7;
    const cols = 5;
    const values = seededValues(rows * cols, 42);
    // Make one channel tiny so a per-tensor scale would flatten it.
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if ((axis === 0 ? r : c) === 2) values[r * cols + c]! *= 1e-3;
    const q = quantizeInt8(values, rows, cols, axis);
    const restored = dequantizeInt8(q);
    expect(q.scales).toHaveLength(axis === 0 ? rows : cols);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const scale = q.scales[axis === 0 ? r : c]!;
        expect(Math.abs(restored[r * cols + c]! - values[r * cols + c]!)).toBeLessThanOrEqual(scale / 2 + 1e-7);
      }
    }
    // The channel's largest magnitude maps exactly to ±127.
    const maxCode = Math.max(...Array.from(q.values, (v) => Math.abs(v)));
    expect(maxCode).toBe(127);
  });

  it('keeps an all-zero channel at zero instead of dividing by zero', () => {
    const values = new Float32Array([0, 1, 0, -2, 0, 3]);
    const q = quantizeInt8(values, 3, 2, 1);
    expect(q.scales[0]).toBe(0);
    expect(Array.from(dequantizeInt8(q))).toEqual([0, expect.closeTo(1, 1), 0, expect.closeTo(-2, 1), 0, expect.closeTo(3, 1)]);
  });

  it('rejects a value count that does not match the shape', () => {
    expect(() => quantizeInt8(new Float32Array(5), 2, 3, 0)).toThrow(RangeError);
  });
});
