/**
 * Loads the shipped GNN (`<models>/gnn/`, written by `npm run train`): every file checked against
 * its size and SHA-256 in the manifest, then decoded into the float32 device model.
 */
import type { ModelDownloadProgress } from '../assets/manifest';
import { readVerifiedModel } from '../assets/manifest';
import type { AssetSource } from '../assets/types';
import { EngineError } from '../errors';
import { decodeGnnModel } from './artefact';
import type { GnnItemSide } from './model';

export const GNN_MODEL_DIR = 'gnn';

/** The part of `config.json` the device relies on. */
export interface GnnModelInfo {
  /** The dataset the model was trained on (`demo` for the shipped one). */
  readonly dataset: string;
  /** Row i of the model is the product with this id. */
  readonly itemIds: readonly string[];
  /** Digest of the encoder whose goals embeddings the model was trained with. */
  readonly encoderDigest: string;
}

export interface LoadedGnn {
  readonly model: GnnItemSide;
  readonly info: GnnModelInfo;
}

function parseJson(bytes: Uint8Array | undefined, file: string): unknown {
  if (!bytes) throw new EngineError('MODEL_LOAD_FAILED', `The recommendation model has no ${file}. Run "npm run models" to rebuild it.`);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (cause) {
    throw new EngineError('MODEL_LOAD_FAILED', `The recommendation model's ${file} is not valid JSON. Run "npm run models" to rebuild it.`, { cause });
  }
}

function parseInfo(json: unknown, itemCount: number): GnnModelInfo {
  const info = json as Partial<Record<keyof GnnModelInfo, unknown>> | null;
  const itemIds = info?.itemIds;
  if (
    typeof info?.dataset !== 'string' ||
    typeof info.encoderDigest !== 'string' ||
    !Array.isArray(itemIds) ||
    itemIds.length !== itemCount ||
    !itemIds.every((id) => typeof id === 'string')
  ) {
    throw new EngineError('MODEL_LOAD_FAILED', 'The recommendation model\'s config.json does not describe its products. Run "npm run models" to rebuild it.');
  }
  return { dataset: info.dataset, itemIds, encoderDigest: info.encoderDigest };
}

/** Reads, verifies and decodes the GNN from `source` (the app's origin, or a directory in Node). */
export async function loadGnnModel(source: AssetSource, onProgress?: (progress: ModelDownloadProgress) => void): Promise<LoadedGnn> {
  const { files } = await readVerifiedModel(source, GNN_MODEL_DIR, onProgress);
  const weights = files.get('weights.bin');
  if (!weights) throw new EngineError('MODEL_LOAD_FAILED', 'The recommendation model has no weights.bin. Run "npm run models" to rebuild it.');
  const model = decodeGnnModel(parseJson(files.get('model.json'), 'model.json'), weights);
  return { model, info: parseInfo(parseJson(files.get('config.json'), 'config.json'), model.itemCount) };
}

/**
 * The model's row of each catalog product, checking that the model covers exactly this catalog:
 * a model trained on another catalog would score the wrong products.
 */
export function catalogRows(info: GnnModelInfo, catalogIds: readonly string[]): Map<string, number> {
  const rows = new Map(info.itemIds.map((id, row) => [id, row]));
  const missing = catalogIds.filter((id) => !rows.has(id));
  if (missing.length > 0 || catalogIds.length !== info.itemIds.length) {
    throw new EngineError(
      'MODEL_LOAD_FAILED',
      `The recommendation model was trained on another catalog (${missing.length} of ${catalogIds.length} products unknown to it, e.g. ${missing.slice(0, 3).join(', ') || 'none'}). Run "npm run models" to retrain it.`,
    );
  }
  return rows;
}
