import type { CsrMatrix } from '../graph/csr';

/**
 * Sparse × dense product `out = A · X` on typed arrays (the CPU/WASM path): X is row-major
 * `a.cols × width`, the result row-major `a.rows × width`. With A from `buildCsr`, output row j is
 * `Σ_i θ_ij x_i`, one step of message passing before the activation.
 *
 * Accumulation is float32 and deterministic: each output row starts at zero and adds its entries
 * in CSR order (sources ascending), rounding the running sum to float32 after every entry, as a
 * GPU kernel accumulating in a float32 register does. (Each product of two float32s is exact in
 * float64, so the only roundings are those of the running sum.) A row with no entries gives zeros.
 *
 * `out`, when given, is overwritten and returned; it must not overlap `x`. The CSR structure itself
 * is trusted (as `buildCsr` makes it); only the shapes are checked.
 *
 * @throws RangeError when `width` is not a non-negative integer, `x` or `out` has the wrong length,
 *   `out` overlaps `x`, or the CSR arrays disagree with `a.rows` and with each other.
 */
export function spmm(a: CsrMatrix, x: Float32Array, width: number, out?: Float32Array): Float32Array {
  const { rows, cols, rowPtr, colIdx, values } = a;
  if (!Number.isInteger(width) || width < 0) throw new RangeError(`width must be a non-negative integer, got ${width}`);
  if (rowPtr.length !== rows + 1 || rowPtr[rows] !== colIdx.length || colIdx.length !== values.length) {
    throw new RangeError(
      `malformed CSR: ${rows} rows need ${rows + 1} row offsets ending at nnz; got ${rowPtr.length} offsets ending at ` +
        `${rowPtr[rowPtr.length - 1]}, ${colIdx.length} column indices, ${values.length} values`,
    );
  }
  if (x.length !== cols * width) {
    throw new RangeError(`x must hold ${cols} × ${width} = ${cols * width} values, got ${x.length}`);
  }
  const result = out ?? new Float32Array(rows * width);
  if (result.length !== rows * width) {
    throw new RangeError(`out must hold ${rows} × ${width} = ${rows * width} values, got ${result.length}`);
  }
  if (overlaps(result, x)) throw new RangeError('out must not overlap x: rows of x would be overwritten while still read');

  for (let row = 0; row < rows; row++) {
    const outStart = row * width;
    result.fill(0, outStart, outStart + width);
    const end = rowPtr[row + 1] ?? 0;
    for (let k = rowPtr[row] ?? 0; k < end; k++) {
      const weight = values[k] ?? 0;
      const xStart = (colIdx[k] ?? 0) * width;
      for (let c = 0; c < width; c++) {
        result[outStart + c] = (result[outStart + c] ?? 0) + weight * (x[xStart + c] ?? 0);
      }
    }
  }
  return result;
}

function overlaps(p: Float32Array, q: Float32Array): boolean {
  return (
    p.buffer === q.buffer &&
    p.byteOffset < q.byteOffset + q.byteLength &&
    q.byteOffset < p.byteOffset + p.byteLength
  );
}
