import { describe, expect, it } from 'vitest';
import { coInteractionEdges, mergeEdges, textNeighbourEdges } from '../src/engine/graph/product-graph';
import { buildGnnAdjacency } from '../tools/train/adjacency';
import { trainingData } from './helpers/planted-communities';

const pairsOf = (edges: { a: Int32Array; b: Int32Array; weight: Float32Array }): [number, number, number][] =>
  Array.from(edges.a, (a, index) => [a, edges.b[index]!, Number(edges.weight[index]!.toFixed(4))]);

describe('product graph', () => {
  it('links each product to its nearest products by text, symmetrically, without self-loops', () => {
    // Items 0 and 1 point the same way, 2 is orthogonal to both, 3 is opposite to 0.
    const embeddings = Float32Array.from([1, 0, 0.8, 0.6, 0, 1, -1, 0]);
    const edges = textNeighbourEdges(embeddings, 2, 1);
    // 0↔1 (0.8), 1's best is 0, 2's best is 1 (0.6); 3 has no positive similarity: no edge.
    expect(pairsOf(edges)).toEqual([
      [0, 1, 0.8],
      [1, 2, 0.6],
    ]);
  });

  it('weights co-interaction by the cosine of the user sets', () => {
    // Item 0: users 0,1,2; item 1: users 0,1; item 2: user 2; item 3: nobody.
    const edges = coInteractionEdges([[0, 1], [0, 1], [0, 2]], 4, 5);
    expect(pairsOf(edges)).toEqual([
      [0, 1, Number((2 / Math.sqrt(6)).toFixed(4))],
      [0, 2, Number((1 / Math.sqrt(3)).toFixed(4))],
    ]);
  });

  it('merges edge sets by summing the weight of shared pairs', () => {
    const merged = mergeEdges(3, { a: Int32Array.from([0]), b: Int32Array.from([1]), weight: Float32Array.from([0.5]) }, {
      a: Int32Array.from([0, 1]),
      b: Int32Array.from([1, 2]),
      weight: Float32Array.from([0.25, 1]),
    });
    expect(pairsOf(merged)).toEqual([
      [0, 1, 0.75],
      [1, 2, 1],
    ]);
  });

  it('normalises user–product and product–product edges together: θ_ij = w_ij / √(d_i·d_j), symmetric', () => {
    const data = trainingData(2, 3, [[0, 1], [1]], 1);
    const edges = { a: Int32Array.from([0]), b: Int32Array.from([2]), weight: Float32Array.from([0.5]) };
    const adjacency = buildGnnAdjacency(data, edges, 2);
    // Degrees: user0 2, user1 1, item0 1 + 2·0.5 = 2, item1 2, item2 1.
    expect(Array.from(adjacency.itemDegree)).toEqual([2, 2, 1]);
    const dense = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
    for (let row = 0; row < 5; row++) {
      for (let entry = adjacency.rowStart[row]!; entry < adjacency.rowStart[row + 1]!; entry++) dense[row]![adjacency.columns[entry]!]! += adjacency.weights[entry]!;
    }
    const expected = [
      [0, 0, 1 / 2, 1 / 2, 0],
      [0, 0, 0, 1 / Math.sqrt(2), 0],
      [1 / 2, 0, 0, 0, 1 / Math.sqrt(2)],
      [1 / 2, 1 / Math.sqrt(2), 0, 0, 0],
      [0, 0, 1 / Math.sqrt(2), 0, 0],
    ];
    for (let row = 0; row < 5; row++) for (let col = 0; col < 5; col++) expect(dense[row]![col]).toBeCloseTo(expected[row]![col]!, 6);
    // Without product edges it is LightGCN's 1/√(|N_u||N_i|).
    const plain = buildGnnAdjacency(data, edges, 0);
    expect(Array.from(plain.itemDegree)).toEqual([1, 2, 0]);
  });
});
