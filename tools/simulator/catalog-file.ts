import { readFile } from 'node:fs/promises';
import { type Catalog, parseCatalog } from '../../src/engine/catalog';

export const DEFAULT_CATALOG_PATH = 'data/catalog/products.json';

/** Reads and validates a catalog file; a bad file throws `CatalogError` naming each field, a missing or non-JSON file says so. */
export async function loadCatalogFile(path: string = DEFAULT_CATALOG_PATH): Promise<Catalog> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the catalog at ${path}: ${(error as Error).message}. Pass --catalog with the path of a catalog JSON file.`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`The catalog at ${path} is not valid JSON: ${(error as Error).message}.`, { cause: error });
  }
  return parseCatalog(json);
}
