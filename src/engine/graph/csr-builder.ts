import type { CsrMatrix } from './csr';

/**
 * Weighted directed edges as parallel arrays: edge e carries node `source[e]` (i) into node
 * `target[e]` (j) with weight `weight[e]` (θ_ij).
 */
export interface EdgeList {
  readonly target: Int32Array | readonly number[];
  readonly source: Int32Array | readonly number[];
  readonly weight: Float32Array | readonly number[];
}

/**
 * Builds the `rows × cols` message-passing matrix of an edge list, in O(nnz + rows + cols).
 *
 * - Row = target j, column = source i, value = θ_ij, so that `(A · H)_j = Σ_i θ_ij h_i`.
 * - Duplicate (target, source) edges are merged into one entry whose value is their sum, added in
 *   float64 in edge-list order and then rounded once to float32.
 * - Self-loops (target = source) are ordinary entries: none is added or removed here; the caller
 *   decides whether the model wants them.
 * - Entries are sorted by source within each row. A row with no entries (an isolated node, or one
 *   with no incoming edges) has `rowPtr[j] = rowPtr[j + 1]`.
 * - Zero weights, and duplicates that cancel out, are kept as explicit entries: the sparsity
 *   pattern follows the edges, not the values.
 *
 * @throws RangeError naming the edge index for a target outside `0…rows-1`, a source outside
 *   `0…cols-1`, a non-integer index, or a weight that is not a finite float32; also for negative
 *   or non-integer dimensions, arrays of different lengths, or a merged weight that overflows
 *   float32.
 */
export function buildCsr(rows: number, cols: number, edges: EdgeList): CsrMatrix {
  assertDimension('rows', rows);
  assertDimension('cols', cols);
  const { target, source, weight } = edges;
  const edgeCount = target.length;
  if (source.length !== edgeCount || weight.length !== edgeCount) {
    throw new RangeError(
      `edge arrays differ in length: ${edgeCount} targets, ${source.length} sources, ${weight.length} weights`,
    );
  }
  for (let e = 0; e < edgeCount; e++) assertEdge(e, rows, cols, edges);

  // Radix sort of the edge indices: a stable counting sort by source, then a stable one by target,
  // leaves them grouped by row, sources ascending within a row, and duplicates in edge-list order.
  const inputOrder = new Int32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) inputOrder[e] = e;
  const bySource = sortStablyByKey(inputOrder, source, cols).sorted;
  const { sorted, bucketStart: edgeRowStart } = sortStablyByKey(bySource, target, rows);

  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(edgeCount);
  const values = new Float32Array(edgeCount);
  let nnz = 0;
  for (let row = 0; row < rows; row++) {
    const end = edgeRowStart[row + 1] ?? 0;
    let k = edgeRowStart[row] ?? 0;
    while (k < end) {
      const column = source[sorted[k] ?? 0] ?? 0;
      let sum = 0;
      for (; k < end && source[sorted[k] ?? 0] === column; k++) sum += weight[sorted[k] ?? 0] ?? 0;
      const merged = Math.fround(sum);
      if (!Number.isFinite(merged)) {
        throw new RangeError(`the summed weight of edges ${column} → ${row} overflows float32 (${sum})`);
      }
      colIdx[nnz] = column;
      values[nnz] = merged;
      nnz++;
    }
    rowPtr[row + 1] = nnz;
  }
  // Merging duplicates can only shrink the arrays; copy so the spare tail is not kept alive.
  return nnz === edgeCount
    ? { rows, cols, rowPtr, colIdx, values }
    : { rows, cols, rowPtr, colIdx: colIdx.slice(0, nnz), values: values.slice(0, nnz) };
}

function assertDimension(name: string, size: number): void {
  if (!Number.isInteger(size) || size < 0 || size > 0x7fffffff) {
    throw new RangeError(`${name} must be a non-negative 32-bit integer, got ${size}`);
  }
}

function assertEdge(e: number, rows: number, cols: number, edges: EdgeList): void {
  const target = edges.target[e] ?? Number.NaN;
  const source = edges.source[e] ?? Number.NaN;
  const weight = edges.weight[e] ?? Number.NaN;
  if (!Number.isInteger(target) || target < 0 || target >= rows) {
    throw new RangeError(`edge ${e}: target ${target} is not a row index in 0…${rows - 1}`);
  }
  if (!Number.isInteger(source) || source < 0 || source >= cols) {
    throw new RangeError(`edge ${e}: source ${source} is not a column index in 0…${cols - 1}`);
  }
  // fround catches both NaN/±Infinity and finite numbers too large for float32.
  if (!Number.isFinite(Math.fround(weight))) {
    throw new RangeError(`edge ${e}: weight ${weight} is not a finite float32`);
  }
}

/**
 * Stable counting sort of `order` (edge indices) by `keys[edge]` in `0…keyCount-1`. `bucketStart[k]`
 * is where key k's edges begin in `sorted`; `bucketStart[keyCount]` is the edge count.
 */
function sortStablyByKey(
  order: Int32Array,
  keys: Int32Array | readonly number[],
  keyCount: number,
): { sorted: Int32Array; bucketStart: Int32Array } {
  const bucketStart = new Int32Array(keyCount + 1);
  for (const edge of order) {
    const bucket = (keys[edge] ?? 0) + 1;
    bucketStart[bucket] = (bucketStart[bucket] ?? 0) + 1;
  }
  for (let k = 0; k < keyCount; k++) bucketStart[k + 1] = (bucketStart[k + 1] ?? 0) + (bucketStart[k] ?? 0);
  const next = bucketStart.slice(0, keyCount);
  const sorted = new Int32Array(order.length);
  for (const edge of order) {
    const key = keys[edge] ?? 0;
    const slot = next[key] ?? 0;
    sorted[slot] = edge;
    next[key] = slot + 1;
  }
  return { sorted, bucketStart };
}
