import type { CsrMatrix } from '../../src/engine/graph/csr';
import { buildCsr } from '../../src/engine/graph/csr-builder';
import { buildNormalisedAdjacency } from '../../tools/eval/baselines/lightgcn';
import { readDatasetDir } from '../../tools/eval/dataset';
import { ensureDemoDataset } from '../../tools/eval/demo';
import { prepareEvaluation } from '../../tools/eval/evaluate';

/**
 * The demo dataset's training graph as the GNN and LightGCN propagate over it: the symmetric
 * normalised user–item adjacency of the training split (users first, then items; 2,163 nodes),
 * as a CSR matrix. The dataset is simulated on first use (about 3 s) and cached in .cache/.
 */
export async function demoTrainingGraph(): Promise<CsrMatrix> {
  const dataset = await readDatasetDir(await ensureDemoDataset(() => undefined));
  // The harness's own training data (splitByUser's training positives); only the positives shape
  // the graph, so no text embeddings are needed.
  const { training } = prepareEvaluation(dataset, { rows: new Float32Array(0), dim: 0, fromCache: false, encoderDigest: '' }, 1);
  const { nodeCount, rowStart, columns, weights } = buildNormalisedAdjacency(training);
  const target = new Int32Array(columns.length);
  for (let row = 0; row < nodeCount; row++) target.fill(row, rowStart[row], rowStart[row + 1]);
  return buildCsr(nodeCount, nodeCount, { target, source: columns, weight: weights });
}
