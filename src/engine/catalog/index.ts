export * from './schema';
export { CatalogError, type CatalogIssue, formatPath, parseCatalog } from './validate';
export { GOAL_PHRASES } from './goal-phrases';
export { productText } from './product-text';
