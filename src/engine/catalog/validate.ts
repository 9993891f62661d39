import { type z } from 'zod';
import { type Catalog, catalogSchema } from './schema';

export interface CatalogIssue {
  /** Where the problem is, e.g. `products[12].min_amount`; `(catalog)` for the document itself. */
  readonly path: string;
  /** What is wrong with the value there, e.g. `must be ≥ 0`. */
  readonly message: string;
}

/** A catalog that does not match the schema; `issues` lists every offending field. */
export class CatalogError extends Error {
  readonly issues: readonly CatalogIssue[];

  constructor(issues: readonly CatalogIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path}: ${issue.message}`);
    super(
      `The product catalog is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}\n` +
        'Fix these fields in the catalog JSON; data/catalog/README.md describes each field.',
    );
    this.name = 'CatalogError';
    this.issues = issues;
  }
}

/** Validates `json` (the parsed catalog file) and returns it typed, or throws `CatalogError` naming every bad field. */
export function parseCatalog(json: unknown): Catalog {
  const result = catalogSchema.safeParse(json, { error: describeIssue });
  const issues: CatalogIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  issues.push(...findDuplicateIds(json));
  if (!result.success || issues.length > 0) throw new CatalogError(issues);
  return result.data;
}

/** `['products', 12, 'min_amount']` → `products[12].min_amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(catalog)' : text;
}

/**
 * Duplicate ids are checked on the raw input, independently of the schema, so that they are reported
 * together with any other problem. Each repeat is reported at its own path, naming the first one.
 */
function findDuplicateIds(json: unknown): CatalogIssue[] {
  if (!isRecord(json) || !Array.isArray(json.products)) return [];
  const firstIndexById = new Map<string, number>();
  const issues: CatalogIssue[] = [];
  json.products.forEach((product: unknown, index) => {
    if (!isRecord(product) || typeof product.id !== 'string') return;
    const first = firstIndexById.get(product.id);
    if (first === undefined) firstIndexById.set(product.id, index);
    else issues.push({ path: `products[${index}].id`, message: `duplicate id "${product.id}" (first used by products[${first}])` });
  });
  return issues;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Short, field-level messages ("is required", "must be ≥ 0") instead of zod's generic ones. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'item' : 'items'}`;
      return `must be ${issue.inclusive === false ? '>' : '≥'} ${String(issue.minimum)}, got ${describeValue(issue.input)}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? '<' : '≤'} ${String(issue.maximum)}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}; got ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    default:
      return undefined;
  }
}

function article(expected: string): string {
  const noun = expected === 'int' ? 'whole number' : expected;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}
