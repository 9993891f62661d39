import * as tf from '@tensorflow/tfjs-core';
import { WebGPUBackend, type WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

/** The tfjs kernel name under which the WebGPU program is registered. */
export const CSR_SPMM_KERNEL = 'CsrSpmm';

/** Threads per workgroup at most; a workgroup this wide strides over wider rows. */
const MAX_WORKGROUP_THREADS = 64;

/**
 * `out[j, :] = Σ_k values[k] · x[colIdx[k], :]` for k in `rowPtr[j] … rowPtr[j + 1] - 1`.
 *
 * One workgroup per output row; its threads stride over the feature columns, each owning its
 * columns outright, so there are no atomics and no shared memory, and every output element adds its
 * row's entries in CSR order: the result is deterministic. More rows than the device allows
 * workgroups in one dimension fold into a 2-D grid (row = y · groupsX + x); the surplus workgroups
 * of the last grid row return at once.
 */
class CsrSpmmProgram implements WebGPUProgram {
  readonly variableNames = ['rowPtr', 'colIdx', 'edgeWeights', 'x'];
  readonly outputShape: number[];
  readonly shaderKey: string;
  readonly dispatchLayout = { x: [1], y: [0] };
  readonly dispatch: [number, number, number];
  readonly workgroupSize: [number, number, number];

  constructor(rows: number, width: number, maxWorkgroupsPerDimension: number) {
    this.outputShape = [rows, width];
    // The smallest power of two covering the row, so narrow features leave few threads idle.
    const threads = Math.min(MAX_WORKGROUP_THREADS, 2 ** Math.ceil(Math.log2(Math.max(width, 1))));
    this.workgroupSize = [threads, 1, 1];
    const groupsX = Math.min(rows, maxWorkgroupsPerDimension);
    const groupsY = Math.ceil(rows / groupsX);
    if (groupsY > maxWorkgroupsPerDimension) {
      throw new RangeError(`CsrSpmm: ${rows} rows exceed the ${maxWorkgroupsPerDimension}² workgroups one dispatch can hold`);
    }
    this.dispatch = [groupsX, groupsY, 1];
    // The thread count is the only constant baked into the WGSL (the loop stride); shapes are uniforms.
    this.shaderKey = `csr_spmm_t${threads}`;
  }

  getUserCode(): string {
    const threads = this.workgroupSize[0];
    return `
      fn main() {
        let row = i32(workgroupId.y * numWorkgroups.x + workgroupId.x);
        let rows = uniforms.outShape[0];
        if (row >= rows) {
          return;
        }
        let width = uniforms.outShape[1];
        let first = rowPtr[row];
        let end = rowPtr[row + 1];
        for (var col = i32(localId.x); col < width; col = col + ${threads}) {
          var sum = 0.0;
          for (var k = first; k < end; k = k + 1) {
            sum = sum + edgeWeights[k] * x[colIdx[k] * width + col];
          }
          setOutputAtIndex(row * width + col, sum);
        }
      }
    `;
  }
}

function runCsrSpmmOnWebGpu({ inputs, backend }: Parameters<tf.KernelFunc>[0]): tf.TensorInfo {
  if (!(backend instanceof WebGPUBackend)) throw new Error(`${CSR_SPMM_KERNEL} for webgpu ran on another backend`);
  const { rowPtr, colIdx, values, x } = inputs;
  if (!rowPtr || !colIdx || !values || !x) throw new Error(`${CSR_SPMM_KERNEL} needs rowPtr, colIdx, values and x`);
  const rows = (rowPtr.shape[0] ?? 1) - 1;
  const width = x.shape[1] ?? 0;
  // WebGPU cannot bind an empty buffer: with no entries the product is all zeros anyway.
  if ((colIdx.shape[0] ?? 0) === 0) {
    return backend.makeTensorInfo([rows, width], 'float32', new Float32Array(rows * width));
  }
  const program = new CsrSpmmProgram(rows, width, backend.device.limits.maxComputeWorkgroupsPerDimension);
  return backend.runWebGPUProgram(program, [rowPtr, colIdx, values, x], 'float32');
}

tf.registerKernel({ kernelName: CSR_SPMM_KERNEL, backendName: 'webgpu', kernelFunc: runCsrSpmmOnWebGpu });

/**
 * The same product with stock tfjs ops that exist on wasm and cpu: gather the source rows, scale
 * them by the weights, and sum them per target row with `sparseSegmentSum` (CSR order gives the
 * sorted segment ids it needs). Each edge's target row is the number of row ends at or before it.
 */
function csrSpmmWithStockOps(rowPtr: tf.Tensor1D, colIdx: tf.Tensor1D, values: tf.Tensor1D, rows: number, x: tf.Tensor2D): tf.Tensor2D {
  const width = x.shape[1];
  const nnz = colIdx.shape[0];
  // upperBound cannot search for nothing, and with no entries the product is all zeros anyway.
  if (nnz === 0) return tf.zeros([rows, width]);
  return tf.tidy(() => {
    const edgeIndex = tf.range(0, nnz, 1, 'int32');
    // upperBound works on rows of a 2-D batch: [1, nnz] back to [nnz].
    const targetRow = tf.reshape<tf.Rank.R1>(tf.upperBound(tf.slice(rowPtr, 1), edgeIndex), [nnz]);
    const messages = tf.mul(tf.gather(x, colIdx), tf.expandDims(values, 1));
    // sparseSegmentSum returns only up to the last segment id present; a zero message aimed at the
    // last row makes the output exactly `rows` long when the trailing rows are empty.
    const paddedMessages = tf.concat([messages, tf.zeros([1, width])]);
    const paddedTargetRow = tf.concat([targetRow, tf.tensor1d([rows - 1], 'int32')]);
    return tf.sparse.sparseSegmentSum(paddedMessages, tf.range(0, nnz + 1, 1, 'int32'), paddedTargetRow) as tf.Tensor2D;
  });
}

/**
 * Sparse × dense product `A · x` for message passing, with A in CSR form as tensors (row j =
 * target, entries = incoming edges; see `CsrMatrix`) and `x` the `[cols, width]` node features.
 * Returns `[rows, width]` float32. On webgpu it runs the registered `CsrSpmm` compute kernel; on
 * other backends, stock tfjs ops. Neither path makes a blocking read (no `dataSync`).
 *
 * @throws RangeError when the CSR tensors disagree with `rows` or with each other, or have the
 *   wrong dtypes (rowPtr and colIdx int32, values and x float32).
 */
export function sparseDenseMatMul(
  a: { rowPtr: tf.Tensor1D; colIdx: tf.Tensor1D; values: tf.Tensor1D; rows: number },
  x: tf.Tensor2D,
): tf.Tensor2D {
  const { rowPtr, colIdx, values, rows } = a;
  if (rowPtr.shape[0] !== rows + 1 || colIdx.shape[0] !== values.shape[0] || x.rank !== 2) {
    throw new RangeError(
      `sparseDenseMatMul: ${rows} rows need ${rows + 1} row offsets and as many values as column indices, and x must be 2-D; ` +
        `got ${rowPtr.shape[0]} offsets, ${colIdx.shape[0]} column indices, ${values.shape[0]} values, x of shape [${x.shape.join(', ')}]`,
    );
  }
  if (rowPtr.dtype !== 'int32' || colIdx.dtype !== 'int32' || values.dtype !== 'float32' || x.dtype !== 'float32') {
    throw new RangeError(
      `sparseDenseMatMul: rowPtr and colIdx must be int32, values and x float32; got ${rowPtr.dtype}, ${colIdx.dtype}, ${values.dtype}, ${x.dtype}`,
    );
  }
  if (tf.getBackend() === 'webgpu') {
    return tf.engine().runKernel<tf.Tensor2D>(CSR_SPMM_KERNEL, { rowPtr, colIdx, values, x });
  }
  return csrSpmmWithStockOps(rowPtr, colIdx, values, rows, x);
}
