/** Progress of one file being read, in bytes. `total` is 0 when the size is not known yet. */
export interface ByteProgress {
  readonly file: string;
  readonly loaded: number;
  readonly total: number;
}

/**
 * Where model files come from: our own origin over HTTP in the browser, a directory in Node.
 * Paths are relative to the models root, for example `encoder/manifest.json`.
 */
export interface AssetSource {
  /** Root that transformers.js resolves local models against (a URL path in the browser, a directory in Node). */
  readonly modelsRoot: string;
  readBytes(path: string, onProgress?: (progress: ByteProgress) => void): Promise<Uint8Array>;
}
