export { DEFAULT_CATALOG_PATH, loadCatalogFile } from './catalog-file';
export { interactionsCsv, itemsCsv, metadataJson, usersCsv, utilitiesCsv, writeDataset } from './csv';
export { simulate, type SimulateOptions, userId } from './simulate';
export { type DatasetSummary, summarizeDataset } from './summary';
export * from './types';
export { UTILITY_WEIGHTS, utility, utilityTerms } from './utility';
