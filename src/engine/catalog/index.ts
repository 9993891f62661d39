export * from './schema';
export { CatalogError, type CatalogIssue, formatPath, parseCatalog } from './validate';
