import { EngineError } from '../errors';
import type { AssetSource, ByteProgress } from './types';

export interface ManifestEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** `manifest.json` of a model directory: every file the model needs, with its size and SHA-256. */
export interface ModelManifest {
  readonly model: string;
  /** Digest of the sources and builder that produced the files; lets the builder skip work. */
  readonly sourceDigest: string;
  readonly files: readonly ManifestEntry[];
}

/** Lower-case hex SHA-256 of `bytes`, through WebCrypto (Node 20, workers and pages on a secure context). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Typed as always present, but absent outside secure contexts (plain http on another host).
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  if (!subtle) {
    throw new EngineError(
      'INTEGRITY_FAILED',
      'Model files cannot be verified here because WebCrypto is unavailable. Open the app through https or http://localhost.',
    );
  }
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function isManifestEntry(value: unknown): value is ManifestEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<Record<keyof ManifestEntry, unknown>>;
  return typeof entry.path === 'string' && Number.isInteger(entry.bytes) && typeof entry.sha256 === 'string' && /^[0-9a-f]{64}$/.test(entry.sha256);
}

export function parseManifest(json: unknown, dir: string): ModelManifest {
  const manifest = json as { files?: unknown } | null;
  const files: unknown = manifest?.files;
  if (!Array.isArray(files) || !files.every(isManifestEntry)) {
    throw new EngineError('MODEL_LOAD_FAILED', `The manifest of ${dir} is malformed. Run "npm run models" to rebuild the models.`);
  }
  return manifest as ModelManifest;
}

/** Reads and checks `dir/manifest.json` alone (a few hundred bytes), e.g. to learn a model's size before loading it. */
export async function readManifest(source: AssetSource, dir: string): Promise<ModelManifest> {
  const manifestBytes = await source.readBytes(`${dir}/manifest.json`);
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(new TextDecoder().decode(manifestBytes));
  } catch (cause) {
    throw new EngineError('MODEL_LOAD_FAILED', `The manifest of ${dir} is not valid JSON. Run "npm run models".`, { cause });
  }
  return parseManifest(manifestJson, dir);
}

/** Progress over all files of a model together. */
export interface ModelDownloadProgress {
  readonly file: string;
  readonly loadedBytes: number;
  readonly totalBytes: number;
}

/**
 * Reads `dir/manifest.json`, then every file it lists, checking each file's size and SHA-256
 * before anything uses it: a tampered or truncated file stops the load with INTEGRITY_FAILED.
 */
export async function readVerifiedModel(
  source: AssetSource,
  dir: string,
  onProgress?: (progress: ModelDownloadProgress) => void,
): Promise<{ manifest: ModelManifest; files: Map<string, Uint8Array> }> {
  const manifest = await readManifest(source, dir);
  const totalBytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  let doneBytes = 0;
  const files = new Map<string, Uint8Array>();
  for (const entry of manifest.files) {
    const bytes = await source.readBytes(`${dir}/${entry.path}`, (p: ByteProgress) =>
      onProgress?.({ file: entry.path, loadedBytes: doneBytes + Math.min(p.loaded, entry.bytes), totalBytes }),
    );
    if (bytes.byteLength !== entry.bytes) {
      throw new EngineError(
        'INTEGRITY_FAILED',
        `${dir}/${entry.path} is ${bytes.byteLength} bytes but the manifest says ${entry.bytes}: the file is truncated or altered, so it is not used. Reload; if it persists, rebuild the models (npm run models).`,
      );
    }
    if ((await sha256Hex(bytes)) !== entry.sha256) {
      throw new EngineError(
        'INTEGRITY_FAILED',
        `${dir}/${entry.path} does not match its SHA-256 in the manifest: the file was altered, so it is not used. Reload; if it persists, rebuild the models (npm run models).`,
      );
    }
    doneBytes += entry.bytes;
    files.set(entry.path, bytes);
    onProgress?.({ file: entry.path, loadedBytes: doneBytes, totalBytes });
  }
  return { manifest, files };
}
