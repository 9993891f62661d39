/**
 * The digest that decides whether the shipped GNN is up to date: the dataset's content, the seed,
 * the encoder that embedded its texts, and every source file the training pipeline imports
 * (directly or not). A change to any of them retrains; a change elsewhere does not.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../eval/dataset';
import { importClosure } from '../lib/import-closure';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PIPELINE = 'tools/train/pipeline.ts';

export async function gnnSourceDigest(dataset: Dataset, seed: number, encoderDigest: string): Promise<string> {
  const hash = createHash('sha256').update(`seed=${seed}\0encoder=${encoderDigest}\0`);
  hash.update(JSON.stringify([dataset.name, dataset.userIds, dataset.itemIds, dataset.itemTexts, dataset.interactions, dataset.userProfiles ?? null]));
  if (dataset.itemFeatures) hash.update(new Uint8Array(dataset.itemFeatures.buffer, dataset.itemFeatures.byteOffset, dataset.itemFeatures.byteLength));
  for (const file of await importClosure(repoRoot, PIPELINE)) hash.update(`\0${file}\0`).update(await readFile(join(repoRoot, file)));
  return hash.digest('hex');
}
