/**
 * A 2-D map of the products' model representations: the top two principal directions (PCA) of
 * the rows, by power iteration on their covariance. Any vector of the same space (a person's
 * representation) can be placed on the same axes.
 */

/** The plane of the two principal directions: the rows' mean and two orthonormal axes. */
export interface PrincipalPlane {
  readonly mean: Float64Array;
  readonly axes: readonly [Float64Array, Float64Array];
}

const ITERATIONS = 500;
const CONVERGED = 1e-12;

function normalise(vector: Float64Array): number {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let c = 0; c < vector.length; c++) vector[c] = (vector[c] ?? 0) / norm;
  return norm;
}

/**
 * The leading eigenvector of the symmetric `dim × dim` matrix `matrix`, starting from `start`; its
 * sign is fixed so that its largest component is positive, so the map does not flip between runs.
 */
function leadingEigenvector(matrix: Float64Array, dim: number, start: Float64Array): Float64Array {
  let vector = Float64Array.from(start);
  if (normalise(vector) === 0) vector.fill(1 / Math.sqrt(dim));
  for (let step = 0; step < ITERATIONS; step++) {
    const next = new Float64Array(dim);
    for (let r = 0; r < dim; r++) {
      let sum = 0;
      for (let c = 0; c < dim; c++) sum += (matrix[r * dim + c] ?? 0) * (vector[c] ?? 0);
      next[r] = sum;
    }
    if (normalise(next) === 0) break;
    let change = 0;
    for (let c = 0; c < dim; c++) change += ((next[c] ?? 0) - (vector[c] ?? 0)) ** 2;
    vector = next;
    if (change < CONVERGED) break;
  }
  let largest = 0;
  for (let c = 1; c < dim; c++) if (Math.abs(vector[c] ?? 0) > Math.abs(vector[largest] ?? 0)) largest = c;
  if ((vector[largest] ?? 0) < 0) for (let c = 0; c < dim; c++) vector[c] = -(vector[c] ?? 0);
  return vector;
}

/**
 * The principal plane of `count` rows of `dim` values (row-major `rows`). The power iteration
 * starts from the centred row farthest from the mean, which always has a component along the
 * leading direction unless all rows coincide; the second axis comes from the covariance with the
 * first direction removed (deflation).
 */
export function principalPlane(rows: Float32Array, count: number, dim: number): PrincipalPlane {
  const mean = new Float64Array(dim);
  for (let r = 0; r < count; r++) for (let c = 0; c < dim; c++) mean[c] = (mean[c] ?? 0) + (rows[r * dim + c] ?? 0) / count;
  const covariance = new Float64Array(dim * dim);
  let farthest = 0;
  let farthestNorm = -1;
  const centred = new Float64Array(dim);
  for (let r = 0; r < count; r++) {
    let norm = 0;
    for (let c = 0; c < dim; c++) {
      centred[c] = (rows[r * dim + c] ?? 0) - (mean[c] ?? 0);
      norm += (centred[c] ?? 0) ** 2;
    }
    if (norm > farthestNorm) [farthest, farthestNorm] = [r, norm];
    for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) covariance[a * dim + b] = (covariance[a * dim + b] ?? 0) + (centred[a] ?? 0) * (centred[b] ?? 0);
  }
  const start = Float64Array.from({ length: dim }, (_, c) => (rows[farthest * dim + c] ?? 0) - (mean[c] ?? 0));
  const first = leadingEigenvector(covariance, dim, start);
  // Deflate: remove the first direction's variance (C − λ·v·vᵀ, λ = vᵀCv).
  let eigenvalue = 0;
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) eigenvalue += (first[a] ?? 0) * (covariance[a * dim + b] ?? 0) * (first[b] ?? 0);
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) covariance[a * dim + b] = (covariance[a * dim + b] ?? 0) - eigenvalue * (first[a] ?? 0) * (first[b] ?? 0);
  // Start the second from the same row with its first-axis part removed.
  let along = 0;
  for (let c = 0; c < dim; c++) along += (start[c] ?? 0) * (first[c] ?? 0);
  const rest = Float64Array.from(start, (value, c) => value - along * (first[c] ?? 0));
  const second = leadingEigenvector(covariance, dim, rest);
  return { mean, axes: [first, second] };
}

/** Where `vector` (the rows' space) falls on the plane. */
export function projectOntoPlane(plane: PrincipalPlane, vector: ArrayLike<number>, offset = 0): { x: number; y: number } {
  let x = 0;
  let y = 0;
  const [first, second] = plane.axes;
  for (let c = 0; c < plane.mean.length; c++) {
    const centred = (vector[offset + c] ?? 0) - (plane.mean[c] ?? 0);
    x += centred * (first[c] ?? 0);
    y += centred * (second[c] ?? 0);
  }
  return { x, y };
}
