/**
 * Getting the engine ready, stage by stage, with progress: the backend, the encoder (download,
 * tokenizer, warmup), the recommendation model (`recommender`) and the catalog's text embeddings
 * (`catalog`, from the device's cache when it holds this catalog encoded by this encoder). A model
 * whose files fail (tampered, truncated, missing) is left out and named in `unavailable`, so that
 * what does not need it keeps working; a backend that cannot run fails the whole load.
 */
import { readManifest } from '../engine/assets/manifest';
import type { AssetSource } from '../engine/assets/types';
import { activateBackend, type ActiveBackend, type WasmPaths } from '../engine/backend';
import { GOAL_PHRASES, GOAL_TAGS, productText, type Catalog, type GoalTag } from '../engine/catalog';
import { cachedRowsMatch, catalogEmbeddingKey, embedInBatches } from '../engine/catalog/catalog-embeddings';
import { loadEncoder, type Encoder } from '../engine/encoder';
import { isEngineError, type EngineError, type EngineErrorCode } from '../engine/errors';
import { catalogRows, GNN_MODEL_DIR, loadGnnModel, type LoadedGnn } from '../engine/gnn/load';
import type { BackendPreference, LoadProgress, ModelName, StageTiming, UnavailableModel } from '../protocol/engine-api';
import type { PersonPersistence } from '../storage/person-persistence';

export interface EngineSources {
  readonly assets: AssetSource;
  readonly wasmPaths?: WasmPaths;
  readonly catalog: Catalog;
  readonly persistence: PersonPersistence;
}

/** The encoder with what search and the recommender need from it. */
export interface LoadedText {
  readonly encoder: Encoder;
  /** The products' text embeddings, catalog order, `products × encoder.dim`. */
  readonly productRows: Float32Array;
  /** The embedding of each goal tag's phrase. */
  readonly goalPhrases: ReadonlyMap<GoalTag, Float32Array>;
}

/** The GNN with the model row of each catalog product. */
export interface LoadedRecommender {
  readonly gnn: LoadedGnn;
  readonly rowOf: ReadonlyMap<string, number>;
}

/** Everything `init` loads, before the person is restored. */
export interface LoadedEngine {
  readonly backend: ActiveBackend;
  /** Absent when the encoder is unavailable (see `unavailable`). */
  readonly text: LoadedText | undefined;
  /** Absent when the recommendation model is unavailable (see `unavailable`). */
  readonly recommender: LoadedRecommender | undefined;
  readonly unavailable: readonly UnavailableModel[];
  /** Bytes of every model file, encoder and recommender together (as far as their manifests could be read). */
  readonly modelBytes: number;
  readonly timings: readonly StageTiming[];
}

/** Failures of a model's own files: they stop that model, not the engine. */
const MODEL_FILE_FAILURES: ReadonlySet<EngineErrorCode> = new Set<EngineErrorCode>(['INTEGRITY_FAILED', 'MODEL_LOAD_FAILED']);

const MODEL_TITLES: Readonly<Record<ModelName, string>> = {
  encoder: 'The language model',
  recommender: 'The recommendation model',
};

/** The failure as the page shows it: which model, what happened to it, then the file's own message. */
function unavailableModel(model: ModelName, error: EngineError): UnavailableModel {
  const what = error.code === 'INTEGRITY_FAILED' ? 'failed its integrity check' : 'could not be loaded';
  return { model, error: { code: error.code, message: `${MODEL_TITLES[model]} ${what}: ${error.message}` } };
}

/** `work`'s result, or undefined with `model` added to `unavailable` when its files fail; anything else fails the load. */
async function unlessFilesFail<T>(model: ModelName, unavailable: UnavailableModel[], work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!isEngineError(error) || !MODEL_FILE_FAILURES.has(error.code)) throw error;
    unavailable.push(unavailableModel(model, error));
    return undefined;
  }
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

/** The catalog's and the goal phrases' embeddings, the catalog's from the cache when it matches. */
async function embedCatalog(
  encoder: Encoder,
  { catalog, persistence }: EngineSources,
  progress: (encodedProducts: number) => void,
): Promise<Omit<LoadedText, 'encoder'>> {
  const embed = (texts: readonly string[]) => encoder.embed(texts);
  const texts = catalog.products.map(productText);
  const key = await catalogEmbeddingKey(encoder.filesDigest, texts);
  const cached = await optionalCache(() => persistence.loadCatalogEmbeddings(key));
  let rows: Float32Array;
  if (cached?.dim === encoder.dim && (await cachedRowsMatch(embed, texts, cached.rows, encoder.dim))) {
    rows = cached.rows;
    progress(texts.length);
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
}

/**
 * Loads the models and the catalog's embeddings on `backend`. Byte counts in progress cover the
 * encoder and the recommender together: the recommender's manifest (a few hundred bytes) is read
 * first, so the total is known as soon as the encoder's is, and never grows afterwards.
 */
export async function loadEngine(sources: EngineSources, backend: BackendPreference, report: (progress: LoadProgress) => void): Promise<LoadedEngine> {
  const { assets, catalog } = sources;
  const unavailable: UnavailableModel[] = [];
  const timings: StageTiming[] = [];
  // Undefined when the recommender's manifest fails: its load is then skipped, not failed twice.
  const recommenderManifestBytes = await unlessFilesFail('recommender', unavailable, async () =>
    (await readManifest(assets, GNN_MODEL_DIR)).files.reduce((sum, file) => sum + file.bytes, 0),
  );
  const recommenderBytes = recommenderManifestBytes ?? 0;

  report({ stage: 'backend', loadedBytes: 0, totalBytes: 0 });
  const active = await timed(timings, 'backend', () => activateBackend(backend, sources.wasmPaths));
  // The encoder's total as soon as its manifest is read, so a failure later in its load still counts its bytes.
  let encoderBytes = 0;
  const encoder = await unlessFilesFail('encoder', unavailable, () =>
    loadEncoder(active, {
      assets,
      onProgress: (p) => {
        encoderBytes = p.totalBytes;
        report({ ...p, totalBytes: p.totalBytes > 0 ? p.totalBytes + recommenderBytes : 0 });
      },
    }),
  );
  try {
    if (encoder) timings.push(...encoder.timings);
    const totalBytes = encoderBytes + recommenderBytes;
    report({ stage: 'recommender', loadedBytes: encoderBytes, totalBytes });
    const recommender =
      recommenderManifestBytes === undefined
        ? undefined
        : await unlessFilesFail('recommender', unavailable, () =>
            timed(timings, 'recommender', async () => {
              const gnn = await loadGnnModel(assets, (p) => report({ stage: 'recommender', loadedBytes: encoderBytes + p.loadedBytes, totalBytes, file: p.file }));
              return { gnn, rowOf: catalogRows(gnn.info, catalog.products.map((product) => product.id)) };
            }),
          );

    const productCount = catalog.products.length;
    const text =
      encoder &&
      (await timed(timings, 'catalog', async () => ({
        encoder,
        ...(await embedCatalog(encoder, sources, (encodedProducts) => report({ stage: 'catalog', loadedBytes: totalBytes, totalBytes, encodedProducts, productCount }))),
      })));
    return { backend: active, text, recommender, unavailable, modelBytes: totalBytes, timings };
  } catch (error) {
    encoder?.dispose();
    throw error;
  }
}
