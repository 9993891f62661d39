import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AssetSource, ByteProgress } from '../../src/engine/assets/types';
import { EngineError } from '../../src/engine/errors';

/**
 * Reads model files from a directory (Node: tools and tests). A file that cannot be read is
 * MODEL_LOAD_FAILED, as a failed download is in the browser, so the engine treats both alike.
 */
export function fileAssetSource(dir: string): AssetSource {
  const root = resolve(dir);
  return {
    modelsRoot: `${root}/`,
    async readBytes(path: string, onProgress?: (progress: ByteProgress) => void): Promise<Uint8Array> {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(resolve(root, path)));
      } catch (cause) {
        const detail = cause instanceof Error ? cause.message : String(cause);
        throw new EngineError('MODEL_LOAD_FAILED', `Could not read ${path} (${detail}). Run "npm run models" to rebuild the models.`, { cause });
      }
      onProgress?.({ file: path, loaded: bytes.byteLength, total: bytes.byteLength });
      return bytes;
    },
  };
}
