/**
 * Search by meaning: a query's embedding against each product's text embedding (name and
 * description, `productText`), by cosine. Both are L2-normalised, so the cosine is a dot product.
 */
import { EngineError } from '../errors';

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 300;

/**
 * Below this best cosine a search is `weak`: its hits are shown as hints, not as matches.
 * Calibrated with the shipped encoder (WASM, Node) against the 163 catalog products; the best
 * cosine per query was:
 *   nonsense and off-topic: "xqzv plorth wibble" 0.192, "asdf jkl" 0.198, "kjhgf" 0.175,
 *     "qwertyuiop" 0.304, "football results" 0.292, "weather tomorrow" 0.282,
 *     "pizza delivery near me" 0.332, "how tall is the eiffel tower" 0.120
 *   real needs: "somewhere safe for my emergency money" 0.397, "holiday" 0.377, "retire early"
 *     0.378, "green bonds" 0.424, "loan to buy a house" 0.705, "credit card with cashback" 0.730,
 *     "insurance for my dog" 0.635
 * 0.35 lies between the highest off-topic query (0.332) and the lowest real one (0.377).
 */
export const WEAK_MATCH_BELOW = 0.35;

export interface CatalogSearchHit {
  /** Index of the product in the catalog. */
  readonly index: number;
  readonly similarity: number;
}

/**
 * The query, trimmed, or INVALID_INPUT with a message for the person typing it.
 */
export function validatedQuery(query: unknown): string {
  const text = typeof query === 'string' ? query.trim() : '';
  if (text === '') throw new EngineError('INVALID_INPUT', "Type a few words about what you're looking for.");
  if (text.length > MAX_QUERY_LENGTH) {
    throw new EngineError('INVALID_INPUT', `Shorten your search to at most ${MAX_QUERY_LENGTH} characters: a few words about what you're looking for work best.`);
  }
  return text;
}

/**
 * The `limit` products closest to `query` (best first, ties by catalog order) among `rows`
 * (`count × dim`, row-major), and whether even the best is only weakly related.
 */
export function searchCatalog(query: Float32Array, rows: Float32Array, limit: number): { hits: CatalogSearchHit[]; weak: boolean } {
  if (!Number.isInteger(limit) || limit < 1) throw new EngineError('INVALID_INPUT', `Ask for at least one search result (limit was ${limit}).`);
  const dim = query.length;
  const count = dim > 0 ? Math.floor(rows.length / dim) : 0;
  const all: CatalogSearchHit[] = [];
  for (let index = 0; index < count; index++) {
    let similarity = 0;
    for (let c = 0; c < dim; c++) similarity += (query[c] ?? 0) * (rows[index * dim + c] ?? 0);
    all.push({ index, similarity });
  }
  all.sort((a, b) => b.similarity - a.similarity || a.index - b.index);
  const hits = all.slice(0, limit);
  return { hits, weak: (hits[0]?.similarity ?? -1) < WEAK_MATCH_BELOW };
}
