/** Filtering, sorting and grouping of catalog products for Browse: pure functions of the catalog. */
import type { Product, ProductCategory, RiskLevel } from '../protocol/engine-api';

export type CategoryFilter = ProductCategory | 'all';

/** Contract terms in buckets people think in; `open-ended` is a product without a term. */
export type TermFilter = 'any' | 'up-to-1y' | '1-5y' | 'over-5y' | 'open-ended';

export const TERM_FILTERS: readonly TermFilter[] = ['any', 'up-to-1y', '1-5y', 'over-5y', 'open-ended'];

export interface CatalogFilters {
  readonly category: CategoryFilter;
  /** Highest product risk level shown; null: any. */
  readonly maxRisk: RiskLevel | null;
  readonly term: TermFilter;
  /** Products whose minimum amount is at most this; null: any. */
  readonly maxMinAmount: number | null;
  /** Products whose return can reach at least this percent a year; null: any. */
  readonly minReturn: number | null;
}

export type SortKey = 'name' | 'risk' | 'return' | 'min-amount';

export const SORT_KEYS: readonly SortKey[] = ['name', 'risk', 'return', 'min-amount'];

export const NO_FILTERS: CatalogFilters = {
  category: 'all',
  maxRisk: null,
  term: 'any',
  maxMinAmount: null,
  minReturn: null,
};

/**
 * The top of a product's return range in percent a year, for products that earn (interest or an
 * expected return); null for borrowing costs and products without a rate, which a return filter
 * leaves out and a return sort puts last.
 */
export function returnOf(product: Product): number | null {
  const rate = product.annual_rate;
  if (!rate || rate.type === 'borrowing_apr') return null;
  return rate.max_pct;
}

export function matchesTerm(termMonths: number | null, term: TermFilter): boolean {
  switch (term) {
    case 'any':
      return true;
    case 'open-ended':
      return termMonths === null;
    case 'up-to-1y':
      return termMonths !== null && termMonths <= 12;
    case '1-5y':
      return termMonths !== null && termMonths > 12 && termMonths <= 60;
    case 'over-5y':
      return termMonths !== null && termMonths > 60;
  }
}

export function matchesFilters(product: Product, filters: CatalogFilters): boolean {
  if (filters.category !== 'all' && product.category !== filters.category) return false;
  if (filters.maxRisk !== null && product.risk_level > filters.maxRisk) return false;
  if (!matchesTerm(product.term_months, filters.term)) return false;
  if (filters.maxMinAmount !== null && product.min_amount > filters.maxMinAmount) return false;
  if (filters.minReturn !== null) {
    const productReturn = returnOf(product);
    if (productReturn === null || productReturn < filters.minReturn) return false;
  }
  return true;
}

const byName = (a: Product, b: Product): number => a.name.localeCompare(b.name, 'en');

const COMPARATORS: Readonly<Record<SortKey, (a: Product, b: Product) => number>> = {
  name: byName,
  risk: (a, b) => a.risk_level - b.risk_level || byName(a, b),
  // High to low; products without a return last.
  return: (a, b) => (returnOf(b) ?? -Infinity) - (returnOf(a) ?? -Infinity) || byName(a, b),
  'min-amount': (a, b) => a.min_amount - b.min_amount || byName(a, b),
};

export function filterAndSort(products: readonly Product[], filters: CatalogFilters, sort: SortKey): Product[] {
  return products.filter((product) => matchesFilters(product, filters)).sort(COMPARATORS[sort]);
}

export interface CategoryGroup {
  readonly category: ProductCategory;
  readonly products: readonly Product[];
}

/**
 * `products` (already sorted) split by category, keeping their order within each; categories in the
 * order of `categoryOrder` (the catalog's), empty ones left out.
 */
export function groupByCategory(products: readonly Product[], categoryOrder: readonly ProductCategory[]): CategoryGroup[] {
  return categoryOrder
    .map((category) => ({ category, products: products.filter((product) => product.category === category) }))
    .filter((group) => group.products.length > 0);
}

/** The categories in the order they first appear in the catalog. */
export function categoriesOf(products: readonly Product[]): ProductCategory[] {
  return [...new Set(products.map((product) => product.category))];
}
