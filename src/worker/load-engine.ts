/**
 * Getting the engine ready, stage by stage, with progress: the encoder (backend, download,
 * tokenizer, warmup), the recommendation model (`recommender`) and the catalog's text embeddings
 * (`catalog`, from the device's cache when it holds this catalog encoded by this encoder).
 */
import { readManifest } from '../engine/assets/manifest';
import type { AssetSource } from '../engine/assets/types';
import type { WasmPaths } from '../engine/backend';
import { GOAL_PHRASES, GOAL_TAGS, productText, type Catalog, type GoalTag } from '../engine/catalog';
import { cachedRowsMatch, catalogEmbeddingKey, embedInBatches } from '../engine/catalog/catalog-embeddings';
import { createEncoder, type Encoder } from '../engine/encoder';
import { catalogRows, GNN_MODEL_DIR, loadGnnModel, type LoadedGnn } from '../engine/gnn/load';
import type { BackendPreference, LoadProgress, StageTiming } from '../protocol/engine-api';
import type { PersonPersistence } from '../storage/person-persistence';

export interface EngineSources {
  readonly assets: AssetSource;
  readonly wasmPaths?: WasmPaths;
  readonly catalog: Catalog;
  readonly persistence: PersonPersistence;
}

/** Everything `init` loads, before the person is restored. */
export interface LoadedEngine {
  readonly encoder: Encoder;
  readonly gnn: LoadedGnn;
  /** Model row of each product id. */
  readonly rowOf: ReadonlyMap<string, number>;
  /** The products' text embeddings, catalog order, `products × encoder.dim`. */
  readonly productRows: Float32Array;
  /** The embedding of each goal tag's phrase. */
  readonly goalPhrases: ReadonlyMap<GoalTag, Float32Array>;
  /** Bytes of every model file, encoder and recommender together. */
  readonly modelBytes: number;
  readonly timings: readonly StageTiming[];
}

/**
 * The cache's answer, or `undefined` when storage fails: the cache only saves time, so a browser
 * that refuses storage (private browsing, a full disk) costs an encoding, not the whole load.
 */
async function optionalCache<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch {
    return undefined;
  }
}

async function timed<T>(timings: StageTiming[], stage: StageTiming['stage'], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  timings.push({ stage, ms: Math.round(performance.now() - started) });
  return result;
}

/**
 * Loads the models and the catalog's embeddings on `backend`. Byte counts in progress cover the
 * encoder and the recommender together: the recommender's manifest (a few hundred bytes) is read
 * first, so the total is known as soon as the encoder's is, and never grows afterwards.
 */
export async function loadEngine(sources: EngineSources, backend: BackendPreference, report: (progress: LoadProgress) => void): Promise<LoadedEngine> {
  const { assets, catalog, persistence } = sources;
  const recommenderBytes = (await readManifest(assets, GNN_MODEL_DIR)).files.reduce((sum, file) => sum + file.bytes, 0);
  const encoder = await createEncoder({
    backend,
    assets,
    wasmPaths: sources.wasmPaths,
    onProgress: (p) => report({ ...p, totalBytes: p.totalBytes > 0 ? p.totalBytes + recommenderBytes : 0 }),
  });
  try {
    const timings: StageTiming[] = [...encoder.timings];
    const totalBytes = encoder.modelBytes + recommenderBytes;
    report({ stage: 'recommender', loadedBytes: encoder.modelBytes, totalBytes });
    const gnn = await timed(timings, 'recommender', () =>
      loadGnnModel(assets, (p) => report({ stage: 'recommender', loadedBytes: encoder.modelBytes + p.loadedBytes, totalBytes, file: p.file })),
    );
    const rowOf = catalogRows(gnn.info, catalog.products.map((product) => product.id));

    const productCount = catalog.products.length;
    const progress = (encodedProducts: number): void => report({ stage: 'catalog', loadedBytes: totalBytes, totalBytes, encodedProducts, productCount });
    const { productRows, goalPhrases } = await timed(timings, 'catalog', async () => {
      const embed = (texts: readonly string[]) => encoder.embed(texts);
      const texts = catalog.products.map(productText);
      const key = await catalogEmbeddingKey(encoder.filesDigest, texts);
      const cached = await optionalCache(() => persistence.loadCatalogEmbeddings(key));
      let rows: Float32Array;
      if (cached?.dim === encoder.dim && (await cachedRowsMatch(embed, texts, cached.rows, encoder.dim))) {
        rows = cached.rows;
        progress(productCount);
      } else {
        progress(0);
        rows = await embedInBatches(embed, texts, encoder.dim, progress);
        await optionalCache(() => persistence.saveCatalogEmbeddings({ key, dim: encoder.dim, rows }));
      }
      const phraseRows = await encoder.embed(GOAL_TAGS.map((goal) => GOAL_PHRASES[goal]));
      const phrases = new Map<GoalTag, Float32Array>();
      GOAL_TAGS.forEach((goal, index) => {
        const row = phraseRows[index];
        if (row) phrases.set(goal, row);
      });
      return { productRows: rows, goalPhrases: phrases };
    });
    return { encoder, gnn, rowOf, productRows, goalPhrases, modelBytes: totalBytes, timings };
  } catch (error) {
    encoder.dispose();
    throw error;
  }
}
