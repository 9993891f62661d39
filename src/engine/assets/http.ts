import { EngineError } from '../errors';
import type { AssetSource, ByteProgress } from './types';

/**
 * Reads model files over HTTP from `root` (a same-origin path such as `/models/`), streaming the
 * body so that progress can be reported while large weight files download.
 */
export function httpAssetSource(root: string): AssetSource {
  const base = root.endsWith('/') ? root : `${root}/`;
  return {
    modelsRoot: base,
    async readBytes(path: string, onProgress?: (progress: ByteProgress) => void): Promise<Uint8Array> {
      const url = `${base}${path}`;
      let response: Response;
      try {
        response = await fetch(url, { method: 'GET', credentials: 'same-origin' });
      } catch (cause) {
        throw new EngineError('MODEL_LOAD_FAILED', `Could not download ${path}: the network request failed. Check the connection and reload.`, { cause });
      }
      if (!response.ok) {
        throw new EngineError('MODEL_LOAD_FAILED', `Could not download ${path}: the server answered ${response.status}. Reload the page; if it persists, rebuild the models.`);
      }
      const total = Number(response.headers.get('content-length') ?? 0);
      if (!response.body) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        onProgress?.({ file: path, loaded: bytes.byteLength, total: bytes.byteLength });
        return bytes;
      }
      return readStream(response.body, path, total, onProgress);
    },
  };
}

async function readStream(
  body: ReadableStream<Uint8Array>,
  file: string,
  total: number,
  onProgress?: (progress: ByteProgress) => void,
): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.({ file, loaded, total: Math.max(total, loaded) });
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
