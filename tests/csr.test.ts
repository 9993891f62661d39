import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsrMatrix } from '../src/engine/graph/csr';
import { buildCsr, type EdgeList } from '../src/engine/graph/csr-builder';
import { spmm } from '../src/engine/gnn/spmm-cpu';

/** Fixed seed so a failure reproduces; fast-check prints the seed and path of any counterexample. */
const PROPERTY_PARAMS = { seed: 20240611, numRuns: 200 };

interface Graph {
  readonly rows: number;
  readonly cols: number;
  readonly edges: { target: number[]; source: number[]; weight: number[] };
}

/** Well above the float32 subnormal spacing (1.4e-45) times any row's entry count here. */
const FLOAT32_UNDERFLOW = 1e-36;

const weightArb = fc.float({ min: Math.fround(-10), max: Math.fround(10), noNaN: true });

/**
 * Random graphs: 0–12 rows and columns (square half the time, as a GNN adjacency is), up to 40
 * edges. Few nodes and many edges make duplicates likely and leave some rows without edges; half
 * of the edges of a square graph are self-loops when the target is a valid column.
 */
const graphArb: fc.Arbitrary<Graph> = fc
  .record({ rows: fc.integer({ min: 0, max: 12 }), cols: fc.integer({ min: 0, max: 12 }), square: fc.boolean() })
  .chain(({ rows, cols: requestedCols, square }) => {
    const cols = square ? rows : requestedCols;
    const edgeArb =
      rows === 0 || cols === 0
        ? fc.constant([])
        : fc.array(
            fc.record({
              target: fc.integer({ min: 0, max: rows - 1 }),
              source: fc.integer({ min: 0, max: cols - 1 }),
              selfLoop: fc.boolean(),
              weight: weightArb,
            }),
            { maxLength: 40 },
          );
    return edgeArb.map((list) => ({
      rows,
      cols,
      edges: {
        target: list.map((e) => e.target),
        source: list.map((e) => (e.selfLoop && e.target < cols ? e.target : e.source)),
        weight: list.map((e) => e.weight),
      },
    }));
  });

/** A graph with a random row-major `cols × width` feature matrix, width 1–8. */
const productArb = graphArb.chain((graph) =>
  fc.integer({ min: 1, max: 8 }).chain((width) =>
    fc
      .array(weightArb, { minLength: graph.cols * width, maxLength: graph.cols * width })
      .map((features) => ({ graph, width, x: Float32Array.from(features) })),
  ),
);

/** Row-major dense `rows × cols` matrix summing the edge list directly (float64, edge order). */
function denseFromEdges({ rows, cols, edges }: Graph): Float64Array {
  const dense = new Float64Array(rows * cols);
  edges.target.forEach((target, e) => {
    const index = target * cols + edges.source[e]!;
    dense[index] = dense[index]! + edges.weight[e]!;
  });
  return dense;
}

function denseFromCsr(m: CsrMatrix): Float64Array {
  const dense = new Float64Array(m.rows * m.cols);
  for (let row = 0; row < m.rows; row++) {
    for (let k = m.rowPtr[row]!; k < m.rowPtr[row + 1]!; k++) dense[row * m.cols + m.colIdx[k]!] = m.values[k]!;
  }
  return dense;
}

function distinctPairs({ edges }: Graph): number {
  return new Set(edges.target.map((target, e) => `${target},${edges.source[e]!}`)).size;
}

describe('buildCsr (property-based)', () => {
  it('keeps the CSR invariants: offsets from 0 to nnz, one entry per distinct pair, sources strictly increasing', () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const m = buildCsr(graph.rows, graph.cols, graph.edges);
        const nnz = distinctPairs(graph);
        expect([m.rows, m.cols]).toEqual([graph.rows, graph.cols]);
        expect(m.rowPtr.length).toBe(graph.rows + 1);
        expect(m.rowPtr[0]).toBe(0);
        expect(m.rowPtr[graph.rows]).toBe(nnz);
        expect([m.colIdx.length, m.values.length]).toEqual([nnz, nnz]);
        for (let row = 0; row < graph.rows; row++) {
          const start = m.rowPtr[row]!;
          const end = m.rowPtr[row + 1]!;
          expect(end).toBeGreaterThanOrEqual(start);
          for (let k = start; k < end; k++) {
            expect(m.colIdx[k]).toBeGreaterThanOrEqual(0);
            expect(m.colIdx[k]).toBeLessThan(graph.cols);
            if (k > start) expect(m.colIdx[k]).toBeGreaterThan(m.colIdx[k - 1]!);
          }
        }
      }),
      PROPERTY_PARAMS,
    );
  });

  it('as a dense matrix equals the edge list summed directly (duplicates added, then rounded to float32)', () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const fromCsr = denseFromCsr(buildCsr(graph.rows, graph.cols, graph.edges));
        const expected = denseFromEdges(graph).map(Math.fround);
        // `===` rather than toEqual: an entry of -0 and a missing entry (0) are the same matrix.
        const mismatch = expected.findIndex((value, index) => value !== fromCsr[index]);
        expect(mismatch, `first differing element ${mismatch}`).toBe(-1);
      }),
      PROPERTY_PARAMS,
    );
  });

  it('accepts Int32Array and Float32Array edge arrays like plain arrays', () => {
    fc.assert(
      fc.property(graphArb, ({ rows, cols, edges }) => {
        const typed: EdgeList = {
          target: Int32Array.from(edges.target),
          source: Int32Array.from(edges.source),
          weight: Float32Array.from(edges.weight),
        };
        expect(buildCsr(rows, cols, typed)).toEqual(buildCsr(rows, cols, edges));
      }),
      PROPERTY_PARAMS,
    );
  });
});

describe('buildCsr (examples)', () => {
  it('gives an empty matrix for an empty graph, and empty rows for isolated nodes', () => {
    const empty = buildCsr(0, 0, { target: [], source: [], weight: [] });
    expect(empty.rowPtr).toEqual(Int32Array.of(0));
    expect(empty.colIdx.length).toBe(0);
    const isolated = buildCsr(3, 3, { target: [], source: [], weight: [] });
    expect(isolated.rowPtr).toEqual(Int32Array.of(0, 0, 0, 0));
  });

  it('merges duplicate edges into one entry with the summed weight', () => {
    const twice = buildCsr(2, 2, { target: [1, 1], source: [0, 0], weight: [0.5, 0.5] });
    const once = buildCsr(2, 2, { target: [1], source: [0], weight: [1.0] });
    expect(twice).toEqual(once);
    expect(once).toEqual({
      rows: 2,
      cols: 2,
      rowPtr: Int32Array.of(0, 0, 1),
      colIdx: Int32Array.of(0),
      values: Float32Array.of(1),
    });
  });

  it('keeps self-loops and zero weights as ordinary entries, sorted by source', () => {
    const m = buildCsr(2, 3, { target: [0, 0, 0, 1], source: [2, 0, 1, 1], weight: [3, 1, 0, 4] });
    expect(m.rowPtr).toEqual(Int32Array.of(0, 3, 4));
    expect(m.colIdx).toEqual(Int32Array.of(0, 1, 2, 1));
    expect(m.values).toEqual(Float32Array.of(1, 0, 3, 4));
  });

  it('rejects out-of-range or non-integer indices and non-finite weights, naming the edge', () => {
    const build = (target: number[], source: number[], weight: number[]) => () =>
      buildCsr(3, 2, { target, source, weight });
    expect(build([0, 1, 3], [0, 0, 0], [1, 1, 1])).toThrow(/^edge 2: target 3 /);
    expect(build([0, -1], [0, 0], [1, 1])).toThrow(/^edge 1: target -1 /);
    expect(build([0, 0], [0, 2], [1, 1])).toThrow(/^edge 1: source 2 /);
    expect(build([0, 0.5], [0, 0], [1, 1])).toThrow(/^edge 1: target 0.5 /);
    expect(build([0, 1, 2, 0], [0, 1, 1, 0], [1, 1, 1, Number.NaN])).toThrow(/^edge 3: weight NaN /);
    expect(build([0], [0], [Number.POSITIVE_INFINITY])).toThrow(/^edge 0: weight Infinity /);
    expect(build([0], [0], [1e39])).toThrow(/^edge 0: weight 1e\+39 is not a finite float32/);
    expect(build([0, 0], [0, 0], [3e38, 3e38])).toThrow(RangeError);
    expect(build([0, 1], [0], [1, 1])).toThrow(/differ in length/);
    expect(() => buildCsr(-1, 2, { target: [], source: [], weight: [] })).toThrow(RangeError);
  });
});

describe('spmm (CPU)', () => {
  it('equals the dense product of the summed edge list with X, within 1e-4 of the terms’ magnitude', () => {
    fc.assert(
      fc.property(productArb, ({ graph, width, x }) => {
        const actual = spmm(buildCsr(graph.rows, graph.cols, graph.edges), x, width);
        const dense = denseFromEdges(graph);
        expect(actual.length).toBe(graph.rows * width);
        for (let row = 0; row < graph.rows; row++) {
          for (let c = 0; c < width; c++) {
            let expected = 0;
            let magnitude = 0;
            for (let i = 0; i < graph.cols; i++) {
              const term = dense[row * graph.cols + i]! * x[i * width + c]!;
              expected += term;
              magnitude += Math.abs(term);
            }
            // Cancellation can make `expected` tiny, so the error is bounded by the terms' size;
            // the absolute floor covers products of tiny weights that underflow float32 to zero.
            const tolerance = 1e-4 * magnitude + FLOAT32_UNDERFLOW;
            expect(Math.abs(actual[row * width + c]! - expected)).toBeLessThanOrEqual(tolerance);
          }
        }
      }),
      PROPERTY_PARAMS,
    );
  });

  it('accumulates each row in float32 in CSR entry order, bit for bit', () => {
    fc.assert(
      fc.property(productArb, ({ graph, width, x }) => {
        const a = buildCsr(graph.rows, graph.cols, graph.edges);
        const expected = new Float32Array(graph.rows * width);
        for (let row = 0; row < a.rows; row++) {
          for (let c = 0; c < width; c++) {
            let sum = 0;
            for (let k = a.rowPtr[row]!; k < a.rowPtr[row + 1]!; k++) {
              sum = Math.fround(sum + a.values[k]! * x[a.colIdx[k]! * width + c]!);
            }
            expected[row * width + c] = sum;
          }
        }
        expect(spmm(a, x, width)).toEqual(expected);
      }),
      PROPERTY_PARAMS,
    );
  });

  it('gives zeros for a graph of isolated nodes, overwriting whatever `out` held', () => {
    const a = buildCsr(3, 3, { target: [], source: [], weight: [] });
    const out = Float32Array.of(9, 9, 9, 9, 9, 9);
    const result = spmm(a, Float32Array.of(1, 2, 3, 4, 5, 6), 2, out);
    expect(result).toBe(out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('copies a row through a self-loop of weight 1', () => {
    const a = buildCsr(3, 3, { target: [1], source: [1], weight: [1] });
    const x = Float32Array.of(1, 2, 3, 4, 5, 6);
    expect(Array.from(spmm(a, x, 2))).toEqual([0, 0, 3, 4, 0, 0]);
  });

  it('treats two edges of weight 0.5 like one of weight 1', () => {
    const x = Float32Array.of(1.5, -2, 7, 0.25);
    const twice = spmm(buildCsr(2, 2, { target: [0, 0], source: [1, 1], weight: [0.5, 0.5] }), x, 2);
    const once = spmm(buildCsr(2, 2, { target: [0], source: [1], weight: [1] }), x, 2);
    expect(Array.from(twice)).toEqual([7, 0.25, 0, 0]);
    expect(twice).toEqual(once);
  });

  it('rejects mismatched shapes and an `out` that overlaps x', () => {
    const a = buildCsr(2, 3, { target: [0], source: [2], weight: [1] });
    expect(() => spmm(a, new Float32Array(5), 2)).toThrow(/x must hold 3 × 2 = 6 values, got 5/);
    expect(() => spmm(a, new Float32Array(6), 2, new Float32Array(3))).toThrow(/out must hold 2 × 2 = 4/);
    expect(() => spmm(a, new Float32Array(6), 1.5)).toThrow(RangeError);
    const square = buildCsr(2, 2, { target: [0], source: [1], weight: [1] });
    const shared = new Float32Array(4);
    expect(() => spmm(square, shared, 2, shared)).toThrow(/overlap/);
    expect(() => spmm({ ...a, rowPtr: Int32Array.of(0, 1) }, new Float32Array(6), 2)).toThrow(/malformed CSR/);
  });
});
