/**
 * The GNN's propagation graph: user–product edges of the training positives (weight 1) plus, when
 * asked, product–product edges (`src/engine/graph/product-graph.ts`) scaled by β. Normalised
 * symmetrically, Â = D^-1/2 A D^-1/2 with D the weighted degrees, so θ_ij = w_ij/√(d_i·d_j); with
 * no product edges this is exactly LightGCN's adjacency.
 */
import { coInteractionEdges, mergeEdges, textNeighbourEdges, type ProductEdges } from '../../src/engine/graph/product-graph';
import type { TrainingData } from '../../src/engine/rank/recommender';
import type { NormalisedAdjacency } from '../eval/baselines/lightgcn';

/** Neighbours per product in each product–product edge set. */
export const PRODUCT_NEIGHBOURS = 10;

/** Text-kNN and co-interaction edges between the products of `data`. */
export function productEdges(data: TrainingData): ProductEdges {
  const sets = [coInteractionEdges(data.positives, data.itemCount, PRODUCT_NEIGHBOURS)];
  if (data.embeddingDim > 0) sets.push(textNeighbourEdges(data.itemEmbeddings, data.embeddingDim, PRODUCT_NEIGHBOURS));
  return mergeEdges(data.itemCount, ...sets);
}

export interface GnnAdjacency extends NormalisedAdjacency {
  /** Weighted degree of each product (user edges count 1, product edges β·w): its d_i in θ_ui. */
  readonly itemDegree: Float32Array;
}

/** Â over `userCount + itemCount` nodes (users first), CSR by row, entries in insertion order. */
export function buildGnnAdjacency(data: TrainingData, edges: ProductEdges | undefined, beta: number): GnnAdjacency {
  const { userCount, itemCount } = data;
  const nodeCount = userCount + itemCount;
  const lists: { to: number; weight: number }[][] = Array.from({ length: nodeCount }, () => []);
  const link = (x: number, y: number, weight: number): void => {
    lists[x]!.push({ to: y, weight });
    lists[y]!.push({ to: x, weight });
  };
  data.positives.forEach((items, user) => {
    for (const item of new Set(items)) link(user, userCount + item, 1);
  });
  if (edges && beta > 0) edges.a.forEach((a, index) => link(userCount + a, userCount + edges.b[index]!, beta * edges.weight[index]!));
  const degree = Float64Array.from(lists, (list) => list.reduce((sum, edge) => sum + edge.weight, 0));
  const rowStart = new Int32Array(nodeCount + 1);
  lists.forEach((list, node) => (rowStart[node + 1] = rowStart[node]! + list.length));
  const columns = new Int32Array(rowStart[nodeCount]!);
  const weights = new Float32Array(columns.length);
  lists.forEach((list, node) => {
    list.forEach((edge, index) => {
      columns[rowStart[node]! + index] = edge.to;
      weights[rowStart[node]! + index] = edge.weight / Math.sqrt(degree[node]! * degree[edge.to]!);
    });
  });
  return { nodeCount, rowStart, columns, weights, itemDegree: Float32Array.from(degree.subarray(userCount)) };
}
