import { readFile } from 'node:fs/promises';
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder';

/**
 * The official Universal Sentence Encoder tokenizer (`@tensorflow-models/universal-sentence-encoder`),
 * built from a vocab.json read from disk: the ids our tokenizer must reproduce.
 */
export async function loadReferenceTokenizer(vocabPath: string): Promise<{ encode(text: string): number[] }> {
  // The package types scores as numbers; a few are null in the real file, which it handles as 0.
  const vocabulary = JSON.parse(await readFile(vocabPath, 'utf8')) as [string, number][];
  return new Tokenizer(vocabulary);
}
