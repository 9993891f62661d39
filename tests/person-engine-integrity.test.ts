/**
 * The in-process engine over a copy of the shipped models with one model's files damaged (WASM
 * backend): that model is left out with its reason, nothing is recommended without it, and what
 * does not need it (search, the catalog, the person's writes) keeps working.
 */
import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, EngineApi, EngineInitResult } from '../src/protocol/engine-api';
import { createMemoryPersistence } from '../src/storage/memory-persistence';
import type { PersonPersistence } from '../src/storage/person-persistence';
import { createInProcessEngine } from '../src/worker/in-process-engine';
import { fileAssetSource } from '../tools/lib/file-assets';
import { ensureModels } from './helpers/models';
import { loadShippedCatalog, newPersonOn, OPTIONS, R2_PROFILE, steppingClock } from './helpers/person-engine';

let catalog: Catalog;
let modelsDir: string;
// Shares the catalog's embeddings between the tests' engines (the encoder is the same everywhere).
let device: PersonPersistence;
const engines: EngineApi[] = [];
const copies: string[] = [];

beforeAll(async () => {
  catalog = await loadShippedCatalog();
  modelsDir = await ensureModels();
  device = createMemoryPersistence();
}, 300_000);

afterAll(async () => {
  for (const engine of engines) await engine.dispose();
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A private copy of the shipped models, damaged by `damage` (given the copy's directory). */
async function damagedModels(damage: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'models-damaged-'));
  copies.push(dir);
  await cp(modelsDir, dir, { recursive: true });
  await damage(dir);
  return dir;
}

/** The in-process engine over `dir`, with a new person on this test's device. */
function engineOver(dir: string): EngineApi {
  const engine = createInProcessEngine({ assets: fileAssetSource(dir), catalog, persistence: newPersonOn(device), now: steppingClock() });
  engines.push(engine);
  return engine;
}

/** The writes need no model: they are stored and read back whatever is unavailable. */
async function expectWritesStored(engine: EngineApi): Promise<void> {
  const productId = catalog.products[0]!.id;
  expect((await engine.setProfile(R2_PROFILE)).profile).toEqual(R2_PROFILE);
  const state = await engine.recordEvent({ productId, kind: 'favourite' });
  expect(state).toMatchObject({ profile: R2_PROFILE, favourites: [productId], eventCount: 1 });
  expect(await engine.storedPerson()).toEqual(state);
}

describe('a recommendation model whose weights.bin has one byte flipped', () => {
  let engine: EngineApi;
  let init: EngineInitResult;

  beforeAll(async () => {
    const dir = await damagedModels(async (copy) => {
      const path = join(copy, 'gnn', 'weights.bin');
      const bytes = await readFile(path);
      bytes[1000] = bytes[1000]! ^ 0xff;
      await writeFile(path, bytes);
    });
    engine = engineOver(dir);
    init = await engine.init({ backend: 'wasm' });
  }, 300_000);

  it('is named unavailable, with INTEGRITY_FAILED and the file, while init succeeds', () => {
    expect(init.unavailable).toEqual([
      {
        model: 'recommender',
        error: { code: 'INTEGRITY_FAILED', message: expect.stringMatching(/^The recommendation model failed its integrity check: gnn\/weights\.bin does not match its SHA-256/) as unknown },
      },
    ]);
    expect(init.backend).toBe('wasm');
    expect(init.timings.map((t) => t.stage)).toEqual(['backend', 'download', 'tokenizer', 'warmup', 'catalog']);
  });

  it('recommends nothing: recommend rejects with MODEL_UNAVAILABLE and the reason, before and after a profile', async () => {
    const unavailable = { code: 'MODEL_UNAVAILABLE', message: expect.stringContaining('Recommendations are unavailable. The recommendation model failed its integrity check: gnn/weights.bin') as unknown };
    await expect(engine.recommend(OPTIONS)).rejects.toMatchObject(unavailable);
    await expectWritesStored(engine);
    await expect(engine.recommend(OPTIONS)).rejects.toMatchObject(unavailable);
  });

  it('still searches the catalog', async () => {
    const result = await engine.search('a safe place for my emergency savings', 5);
    expect(result.hits).toHaveLength(5);
    expect(result.weak).toBe(false);
  });
});

describe('an encoder with a truncated file', () => {
  let engine: EngineApi;
  let init: EngineInitResult;

  beforeAll(async () => {
    const dir = await damagedModels(async (copy) => {
      const path = join(copy, 'encoder', 'tokenizer.json');
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, bytes.byteLength - 100));
    });
    engine = engineOver(dir);
    init = await engine.init({ backend: 'wasm' });
  }, 300_000);

  it('is named unavailable, with INTEGRITY_FAILED, while init succeeds in a minimal mode', () => {
    expect(init.unavailable).toEqual([
      {
        model: 'encoder',
        error: { code: 'INTEGRITY_FAILED', message: expect.stringMatching(/^The language model failed its integrity check: encoder\/tokenizer\.json is \d+ bytes but the manifest says \d+/) as unknown },
      },
    ]);
    // Neither the encoder's later stages nor the catalog's encoding ran; the recommender loaded.
    expect(init.timings.map((t) => t.stage)).toEqual(['backend', 'recommender']);
  });

  it('rejects search, embedding and recommendations with MODEL_UNAVAILABLE and the reason', async () => {
    const because = (feature: string) => ({
      code: 'MODEL_UNAVAILABLE',
      message: expect.stringContaining(`${feature} The language model failed its integrity check: encoder/tokenizer.json`) as unknown,
    });
    await expect(engine.search('savings', 5)).rejects.toMatchObject(because('Search is unavailable.'));
    await expect(engine.embed(['savings'])).rejects.toMatchObject(because('Text embedding is unavailable.'));
    await expect(engine.recommend(OPTIONS)).rejects.toMatchObject(because('Recommendations are unavailable.'));
  });

  it('still gives the catalog and stores the person\'s writes', async () => {
    expect((await engine.catalog()).products).toHaveLength(catalog.products.length);
    await expectWritesStored(engine);
    await expect(engine.recommend(OPTIONS)).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});

describe('failures that are not a model\'s files', () => {
  it('a missing recommender file is MODEL_LOAD_FAILED for that model only', async () => {
    const engine = engineOver(await damagedModels((copy) => unlink(join(copy, 'gnn', 'config.json'))));
    const init = await engine.init({ backend: 'wasm' });
    expect(init.unavailable).toEqual([
      { model: 'recommender', error: { code: 'MODEL_LOAD_FAILED', message: expect.stringMatching(/^The recommendation model could not be loaded: .*gnn\/config\.json/) as unknown } },
    ]);
  }, 300_000);

  it('a backend that cannot start still fails init as a whole', async () => {
    // Node has no WebGPU adapter.
    await expect(engineOver(modelsDir).init({ backend: 'webgpu' })).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
  });
});
