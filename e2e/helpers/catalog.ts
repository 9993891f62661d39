import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCatalog, type Product } from '../../src/engine/catalog';

const repoRoot = resolve(import.meta.dirname, '..', '..');

/** The catalog the app ships, read from the repository, so tests pick products by their real attributes. */
export function shippedProducts(): readonly Product[] {
  return parseCatalog(JSON.parse(readFileSync(join(repoRoot, 'data', 'catalog', 'products.json'), 'utf8'))).products;
}
