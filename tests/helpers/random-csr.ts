import type { CsrMatrix } from '../../src/engine/graph/csr';
import { createRng } from '../../tools/lib/random';

/** A CSR matrix and dense features to multiply, generated from a seed. */
export interface SpmmCase {
  readonly name: string;
  readonly a: CsrMatrix;
  readonly width: number;
  /** Row-major `a.cols × width`. */
  readonly x: Float32Array;
}

/**
 * A random message-passing matrix with the awkward cases a kernel must get right: empty rows
 * (about one in five, the last row always), self-loops, repeated sources within a row (kept as
 * separate entries, which the product must sum) and isolated nodes (every seventh node is never a
 * source and has an empty row). Sources are sorted within each row, as `CsrMatrix` requires.
 */
export function randomSpmmCase(name: string, rows: number, cols: number, width: number, meanDegree: number, seed: number): SpmmCase {
  const rng = createRng(seed);
  const isolated = (node: number) => node % 7 === 3;
  const rowPtr = new Int32Array(rows + 1);
  const colIdx: number[] = [];
  const values: number[] = [];
  for (let row = 0; row < rows; row++) {
    const empty = meanDegree === 0 || isolated(row) || row === rows - 1 || rng.next() < 0.2;
    if (!empty && cols > 0) {
      const sources: number[] = [];
      const degree = 1 + rng.int(2 * meanDegree - 1);
      for (let e = 0; e < degree; e++) {
        const source = rng.int(cols);
        if (!isolated(source)) sources.push(source);
      }
      if (row < cols && rng.next() < 0.3) sources.push(row);
      const lastSource = sources.at(-1);
      if (lastSource !== undefined && rng.next() < 0.2) sources.push(lastSource);
      sources.sort((p, q) => p - q);
      for (const source of sources) {
        colIdx.push(source);
        values.push(rng.normal());
      }
    }
    rowPtr[row + 1] = colIdx.length;
  }
  const x = Float32Array.from({ length: cols * width }, () => rng.normal());
  return { name, a: { rows, cols, rowPtr, colIdx: Int32Array.from(colIdx), values: Float32Array.from(values) }, width, x };
}

/** The cases both the tfjs fallback test and the browser spec run. */
export function standardSpmmCases(): SpmmCase[] {
  return [
    randomSpmmCase('1×1, width 1', 1, 1, 1, 1, 1),
    {
      name: '1×1, a duplicated self-loop',
      a: { rows: 1, cols: 1, rowPtr: Int32Array.from([0, 2]), colIdx: Int32Array.from([0, 0]), values: Float32Array.from([0.5, 1.5]) },
      width: 1,
      x: Float32Array.from([3]),
    },
    randomSpmmCase('7×5, width 3', 7, 5, 3, 2, 3),
    randomSpmmCase('200×150, width 16', 200, 150, 16, 4, 4),
    randomSpmmCase('40×40, width 100 (wider than a workgroup)', 40, 40, 100, 3, 5),
    randomSpmmCase('no entries at all, width 4', 6, 6, 4, 0, 6),
    randomSpmmCase('70,000×70,000, width 2 (folded dispatch)', 70_000, 70_000, 2, 3, 7),
  ];
}

/** Largest `|got − want| / max(1, |want|)`: absolute for small values, relative for large ones. */
export function maxScaledDifference(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? 0;
    worst = Math.max(worst, Math.abs((got[i] ?? NaN) - w) / Math.max(1, Math.abs(w)));
  }
  return worst;
}
