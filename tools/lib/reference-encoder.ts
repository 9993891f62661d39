import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder';
import { sourceModelDir } from './source-model';

/**
 * The reference: the original float32 GraphModel executed by tfjs, fed exactly as the official
 * wrapper feeds it (a sparse batch of token ids). Used to measure our encoder's fidelity.
 */
export interface ReferenceEncoder {
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  tokenize(text: string): number[];
  dispose(): void;
}

export async function loadReferenceEncoder(dir = sourceModelDir()): Promise<ReferenceEncoder> {
  const modelJson = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const shards = await Promise.all(modelJson.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(join(dir, p))));
  const weightData = new Uint8Array(Buffer.concat(shards)).buffer;
  const model: GraphModel = await loadGraphModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
      weightData,
    }),
  );
  const vocabulary = JSON.parse(await readFile(join(dir, 'vocab.json'), 'utf8')) as [string, number][];
  const tokenizer = new Tokenizer(vocabulary);

  return {
    tokenize: (text) => tokenizer.encode(text),
    async embed(texts) {
      // One sentence at a time: the sparse input cannot express a batch whose last sentence has no tokens.
      const rows: Float32Array[] = [];
      for (const text of texts) {
        const ids = tokenizer.encode(text);
        const indices = tf.tensor2d(ids.flatMap((_, position) => [0, position]), [ids.length, 2], 'int32');
        const values = tf.tensor1d(ids, 'int32');
        const output = (await model.executeAsync({ indices, values })) as tf.Tensor;
        rows.push((await output.data()) as Float32Array);
        tf.dispose([indices, values, output]);
      }
      return rows;
    },
    dispose: () => model.dispose(),
  };
}
