import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Catalog,
  CatalogError,
  countSentences,
  GOAL_TAGS,
  PRODUCT_CATEGORIES,
  parseCatalog,
} from '../src/engine/catalog';

const CATALOG_PATH = 'data/catalog/products.json';

function readCatalogJson(): { notice: string; products: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(CATALOG_PATH, 'utf8')) as { notice: string; products: Record<string, unknown>[] };
}

/** Parses `json` and returns the CatalogError it must throw. */
function catalogErrorOf(json: unknown): CatalogError {
  try {
    parseCatalog(json);
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('parseCatalog accepted a malformed catalog');
}

describe('the product catalog (data/catalog/products.json)', () => {
  const catalog: Catalog = parseCatalog(readCatalogJson());

  it('carries the "illustrative products, not financial advice" notice', () => {
    expect(catalog.notice).toMatch(/illustrative products, not financial advice/i);
  });

  it('has at least 150 products in every one of the 8 categories', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(150);
    const perCategory = new Map<string, number>();
    for (const product of catalog.products) perCategory.set(product.category, (perCategory.get(product.category) ?? 0) + 1);
    expect([...perCategory.keys()].sort()).toEqual([...PRODUCT_CATEGORIES].sort());
    for (const count of perCategory.values()) expect(count).toBeGreaterThanOrEqual(10);
  });

  it('describes every product in at least two sentences, with no description repeated', () => {
    for (const product of catalog.products) expect(countSentences(product.description), product.id).toBeGreaterThanOrEqual(2);
    expect(new Set(catalog.products.map((product) => product.description)).size).toBe(catalog.products.length);
  });

  it('uses every goal tag and every risk level', () => {
    const goals = new Set(catalog.products.flatMap((product) => product.goals));
    expect([...goals].sort()).toEqual([...GOAL_TAGS].sort());
    expect(new Set(catalog.products.map((product) => product.risk_level))).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});

describe('parseCatalog on a malformed catalog', () => {
  /** A fresh copy of the real catalog with `change` applied to it. */
  function broken(change: (json: ReturnType<typeof readCatalogJson>) => void): unknown {
    const json = readCatalogJson();
    change(json);
    return json;
  }

  it('names a missing field', () => {
    const error = catalogErrorOf(broken((json) => delete json.products[3]!.min_amount));
    expect(error.issues).toEqual([{ path: 'products[3].min_amount', message: 'is required' }]);
    expect(error.message).toContain('products[3].min_amount: is required');
  });

  it('names a field of the wrong type', () => {
    const error = catalogErrorOf(broken((json) => (json.products[5]!.min_amount = '1000')));
    expect(error.issues).toEqual([{ path: 'products[5].min_amount', message: 'must be a number, got "1000"' }]);
  });

  it('rejects an unknown category and lists the allowed ones', () => {
    const error = catalogErrorOf(broken((json) => (json.products[7]!.category = 'crypto')));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe('products[7].category');
    expect(error.issues[0]!.message).toMatch(/^must be one of "savings_deposits", .*"pensions"; got "crypto"$/);
  });

  it('rejects a negative amount', () => {
    const error = catalogErrorOf(broken((json) => (json.products[12]!.min_amount = -50)));
    expect(error.message).toContain('products[12].min_amount: must be ≥ 0, got -50');
  });

  it('reports a duplicate id at its second occurrence, naming the first', () => {
    const error = catalogErrorOf(broken((json) => (json.products[40]!.id = json.products[2]!.id)));
    expect(error.issues).toEqual([
      { path: 'products[40].id', message: `duplicate id "${String(readCatalogJson().products[2]!.id)}" (first used by products[2])` },
    ]);
  });

  it('checks nested fields, ranges, risk levels, sentences and unknown fields', () => {
    const error = catalogErrorOf(
      broken((json) => {
        json.products[0]!.annual_rate = { type: 'interest', min_pct: 3, max_pct: 2 };
        json.products[1]!.risk_level = 6;
        json.products[2]!.description = 'Only one sentence here.';
        json.products[3]!.fees = { annual_pct: -1, upfront_pct: 0, annual_fixed: 0 };
        json.products[4]!.colour = 'blue';
        json.products[5]!.goals = ['growth', 'growth'];
      }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'products[0].annual_rate.max_pct',
      'products[1].risk_level',
      'products[2].description',
      'products[3].fees.annual_pct',
      'products[4]',
      'products[5].goals',
    ]);
    expect(error.issues[4]!.message).toBe('unknown field "colour"');
  });

  it('rejects a document without a notice or products', () => {
    expect(catalogErrorOf({ products: [] }).issues).toEqual([
      { path: 'notice', message: 'is required' },
      { path: 'products', message: 'must have at least 1 item' },
    ]);
    expect(catalogErrorOf([]).issues).toEqual([{ path: '(catalog)', message: 'must be an object, got an array' }]);
  });
});
