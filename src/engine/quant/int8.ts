/**
 * Symmetric int8 quantization with one scale per channel. Per-channel scales keep the error of
 * each output column (or embedding row) proportional to its own range, which a single scale per
 * tensor does not: a few large columns would otherwise crush the small ones to zero.
 */

/** A row-major matrix quantized along `axis`: axis 0 = one scale per row, axis 1 = one per column. */
export interface Int8Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly axis: 0 | 1;
  readonly values: Int8Array;
  readonly scales: Float32Array;
}

/** Quantizes a row-major `rows × cols` matrix to int8 with per-channel scales (max |x| maps to 127). */
export function quantizeInt8(values: Float32Array, rows: number, cols: number, axis: 0 | 1): Int8Matrix {
  if (values.length !== rows * cols) throw new RangeError(`expected ${rows * cols} values, got ${values.length}`);
  const channels = axis === 0 ? rows : cols;
  const maxAbs = new Float32Array(channels);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const channel = axis === 0 ? r : c;
      const magnitude = Math.abs(values[r * cols + c] ?? 0);
      if (magnitude > (maxAbs[channel] ?? 0)) maxAbs[channel] = magnitude;
    }
  }
  const scales = new Float32Array(channels);
  for (let ch = 0; ch < channels; ch++) scales[ch] = (maxAbs[ch] ?? 0) / 127;
  const quantized = new Int8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const scale = scales[axis === 0 ? r : c] ?? 0;
      const index = r * cols + c;
      quantized[index] = scale === 0 ? 0 : Math.max(-127, Math.min(127, Math.round((values[index] ?? 0) / scale)));
    }
  }
  return { rows, cols, axis, values: quantized, scales };
}

/** Expands an int8 matrix back to float32 (row-major). */
export function dequantizeInt8(matrix: Int8Matrix): Float32Array {
  const { rows, cols, axis, values, scales } = matrix;
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const rowScale = axis === 0 ? (scales[r] ?? 0) : 0;
    for (let c = 0; c < cols; c++) {
      const index = r * cols + c;
      out[index] = (values[index] ?? 0) * (axis === 0 ? rowScale : (scales[c] ?? 0));
    }
  }
  return out;
}
