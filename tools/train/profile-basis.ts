/**
 * Training-time reduction of the profile features. The goals embedding has 512 dimensions, and
 * F·P over 512 of them dominated training time (minutes per candidate on two cores). Training uses
 * the goals embedding's projection on its top principal directions B (uncentred, from the training
 * users), P = [P_fixed ; B·P_goals], and exports the expanded P: the device computes f·P on the full
 * features and gets exactly what training computed.
 */
import { FIXED_FEATURES } from '../../src/engine/gnn/profile';
import { createRng } from '../lib/random';

/** Principal directions kept of the goals embedding. */
export const GOALS_RANK = 24;

export interface ProfileBasis {
  /** Dimensions of the full goals embedding. */
  readonly embeddingDim: number;
  readonly rank: number;
  /** `embeddingDim × rank`, orthonormal columns, strongest first. */
  readonly basis: Float64Array;
}

/**
 * The top `rank` eigenvectors of GᵀG for the rows G (`count × dim`), by orthogonal iteration from
 * a seeded start: deterministic for the same rows.
 */
export function principalBasis(rows: Float32Array, count: number, dim: number, rank: number, seed = 1): ProfileBasis {
  const gram = new Float64Array(dim * dim);
  for (let row = 0; row < count; row++) {
    const base = row * dim;
    for (let a = 0; a < dim; a++) {
      const value = rows[base + a]!;
      if (value === 0) continue;
      const out = a * dim;
      for (let b = 0; b < dim; b++) gram[out + b]! += value * rows[base + b]!;
    }
  }
  const rng = createRng(seed);
  let basis = Float64Array.from({ length: dim * rank }, () => rng.normal());
  orthonormaliseColumns(basis, dim, rank);
  for (let iteration = 0; iteration < 60; iteration++) {
    const next = new Float64Array(dim * rank);
    for (let a = 0; a < dim; a++) {
      for (let b = 0; b < dim; b++) {
        const weight = gram[a * dim + b]!;
        if (weight === 0) continue;
        for (let k = 0; k < rank; k++) next[a * rank + k]! += weight * basis[b * rank + k]!;
      }
    }
    orthonormaliseColumns(next, dim, rank);
    basis = next;
  }
  return { embeddingDim: dim, rank, basis };
}

/** Modified Gram–Schmidt on the columns of a row-major `rows × cols` matrix, in place. */
function orthonormaliseColumns(matrix: Float64Array, rows: number, cols: number): void {
  for (let k = 0; k < cols; k++) {
    for (let j = 0; j < k; j++) {
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += matrix[r * cols + k]! * matrix[r * cols + j]!;
      for (let r = 0; r < rows; r++) matrix[r * cols + k]! -= dot * matrix[r * cols + j]!;
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += matrix[r * cols + k]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < rows; r++) matrix[r * cols + k]! /= norm;
  }
}

/** Full profile features (`count × (FIXED_FEATURES + embeddingDim)`) → `[fixed | goals·B]`. */
export function reduceFeatures(features: Float32Array, count: number, basis: ProfileBasis): Float32Array {
  const { embeddingDim, rank } = basis;
  const fullDim = FIXED_FEATURES + embeddingDim;
  const reducedDim = FIXED_FEATURES + rank;
  const out = new Float32Array(count * reducedDim);
  for (let row = 0; row < count; row++) {
    const from = row * fullDim;
    const to = row * reducedDim;
    for (let f = 0; f < FIXED_FEATURES; f++) out[to + f] = features[from + f]!;
    for (let k = 0; k < rank; k++) {
      let sum = 0;
      for (let e = 0; e < embeddingDim; e++) sum += features[from + FIXED_FEATURES + e]! * basis.basis[e * rank + k]!;
      out[to + FIXED_FEATURES + k] = sum;
    }
  }
  return out;
}

/** The reduced projection (`(FIXED_FEATURES + rank) × dim`) as one on the full features: [P_fixed ; B·P_goals]. */
export function expandProjection(reduced: ArrayLike<number>, basis: ProfileBasis, dim: number): Float32Array {
  const { embeddingDim, rank } = basis;
  const out = new Float32Array((FIXED_FEATURES + embeddingDim) * dim);
  for (let index = 0; index < FIXED_FEATURES * dim; index++) out[index] = reduced[index]!;
  for (let e = 0; e < embeddingDim; e++) {
    const to = (FIXED_FEATURES + e) * dim;
    for (let k = 0; k < rank; k++) {
      const weight = basis.basis[e * rank + k]!;
      const from = (FIXED_FEATURES + k) * dim;
      for (let c = 0; c < dim; c++) out[to + c]! += weight * reduced[from + c]!;
    }
  }
  return out;
}
