import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activateBackend, type BackendName } from '../src/engine/backend';
import { createEncoder, liveTensorCount, type Encoder } from '../src/engine/encoder';
import { EngineError } from '../src/engine/errors';
import { fileAssetSource } from '../tools/lib/file-assets';
import { loadReferenceEncoder, type ReferenceEncoder } from '../tools/lib/reference-encoder';
import { cosine, ensureModels, repoRoot } from './helpers/models';

const MEAN_COSINE_MIN = 0.995;
const EACH_COSINE_MIN = 0.98;

let sentences: string[];
let reference: ReferenceEncoder;
let referenceRows: Float32Array[];
let modelsDir: string;

beforeAll(async () => {
  modelsDir = await ensureModels();
  sentences = JSON.parse(await readFile(join(repoRoot, 'tests/fixtures/financial-sentences.json'), 'utf8')) as string[];
  // The reference runs once, on the WASM backend (the fast one in Node).
  await activateBackend('wasm');
  reference = await loadReferenceEncoder();
  referenceRows = await reference.embed(sentences);
}, 300_000);

afterAll(() => {
  reference.dispose();
});

function expectNormalised(row: Float32Array | undefined): void {
  expect(row).toBeInstanceOf(Float32Array);
  expect(row).toHaveLength(512);
  expect(row!.every(Number.isFinite)).toBe(true);
  expect(Math.hypot(...row!)).toBeCloseTo(1, 4);
}

/** The CPU backend is ~20× slower than WASM in Node, so it checks the first 64 sentences only. */
const CORPUS_LIMIT: Record<'wasm' | 'cpu', number> = { wasm: Infinity, cpu: 64 };

describe.each<'wasm' | 'cpu'>(['wasm', 'cpu'])('int8 encoder on the %s backend in Node', (backend: BackendName & ('wasm' | 'cpu')) => {
  let encoder: Encoder;

  beforeAll(async () => {
    encoder = await createEncoder({ backend, assets: fileAssetSource(modelsDir) });
  }, 120_000);

  afterAll(() => encoder.dispose());

  it('runs on the backend it was asked for', () => {
    expect(encoder.backend).toBe(backend);
    expect(encoder.dim).toBe(512);
  });

  it(`matches the float32 reference GraphModel on the financial corpus (mean ≥ ${MEAN_COSINE_MIN}, min ≥ ${EACH_COSINE_MIN})`, async () => {
    expect(sentences.length).toBeGreaterThanOrEqual(200);
    const checked = sentences.slice(0, CORPUS_LIMIT[backend]);
    const ours = await encoder.embed(checked);
    const cosines = ours.map((row, i) => cosine(row, referenceRows[i]!));
    const mean = cosines.reduce((s, c) => s + c, 0) / cosines.length;
    const min = Math.min(...cosines);
    console.log(`fidelity ${backend}: n=${cosines.length} mean=${mean.toFixed(6)} min=${min.toFixed(6)}`);
    expect(mean).toBeGreaterThanOrEqual(MEAN_COSINE_MIN);
    expect(min).toBeGreaterThanOrEqual(EACH_COSINE_MIN);
  }, 300_000);

  it('gives the same row for a sentence alone and inside a padded batch', async () => {
    const short = 'Instant-access savings account.';
    const [alone] = await encoder.embed([short]);
    const batch = await encoder.embed([sentences[0]!, short, 'word '.repeat(120)]);
    expect(cosine(alone!, batch[1]!)).toBeGreaterThan(0.99999);
  }, 60_000);

  it('frees every intermediate tensor', async () => {
    const before = liveTensorCount();
    await encoder.embed(sentences.slice(0, 10));
    expect(liveTensorCount()).toBe(before);
  }, 60_000);

  it('returns nothing for an empty list and a unit row for the empty string', async () => {
    expect(await encoder.embed([])).toEqual([]);
    const [empty] = await encoder.embed(['']);
    expectNormalised(empty);
  }, 60_000);

  it('truncates long input at 128 tokens', async () => {
    const head = 'retirement savings plan '.repeat(60);
    expect(encoder.tokenize(head + 'tail')).toHaveLength(encoder.maxTokens);
    const [a, b] = await encoder.embed([`${head} with apples`, `${head} with bonds and mortgages`]);
    expectNormalised(a);
    expect(cosine(a!, b!)).toBeCloseTo(1, 6);
    const [huge] = await encoder.embed(['x'.repeat(10_000)]);
    expectNormalised(huge);
  }, 60_000);

  it.each([
    ['a number in the list', [1]],
    ['null in the list', ['ok', null]],
    ['an object in the list', [{ text: 'a' }]],
    ['a bare string instead of a list', 'not a list'],
  ])('rejects %s with INVALID_INPUT', async (_label, input) => {
    const call = encoder.embed(input as unknown as string[]);
    await expect(call).rejects.toBeInstanceOf(EngineError);
    await expect(call).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
