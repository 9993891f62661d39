import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AssetSource, ByteProgress } from '../../src/engine/assets/types';

/** Reads model files from a directory (Node: tools and tests). */
export function fileAssetSource(dir: string): AssetSource {
  const root = resolve(dir);
  return {
    modelsRoot: `${root}/`,
    async readBytes(path: string, onProgress?: (progress: ByteProgress) => void): Promise<Uint8Array> {
      const bytes = new Uint8Array(await readFile(resolve(root, path)));
      onProgress?.({ file: path, loaded: bytes.byteLength, total: bytes.byteLength });
      return bytes;
    },
  };
}
