/**
 * A sparse matrix in compressed sparse row form. For message passing `h_j = Σ_i θ_ij h_i`, row j
 * holds node j's incoming edges: `colIdx[k]` is the source i and `values[k]` the weight θ_ij, for
 * k in `rowPtr[j] … rowPtr[j + 1] - 1`, sorted by source within a row.
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  /** `rows + 1` offsets into `colIdx`/`values`; `rowPtr[0] = 0`, `rowPtr[rows] = nnz`. */
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly values: Float32Array;
}
