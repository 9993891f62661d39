/**
 * The in-process engine's writes and storage on the shipped models (WASM backend): the person's
 * profile and events written before or while the models load, and storage the browser refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog, EngineApi, ProfileInput } from '../src/protocol/engine-api';
import { createMemoryPersistence } from '../src/storage/memory-persistence';
import type { PersonPersistence } from '../src/storage/person-persistence';
import { heldRead, loadShippedCatalog, newPersonOn, OPTIONS, R2_PROFILE, shippedEngine } from './helpers/person-engine';


let catalog: Catalog;
let device: PersonPersistence;
const engines: EngineApi[] = [];

/** A new person on this test's device, with their engine ready. */
async function newPerson(): Promise<EngineApi> {
  const engine = await shippedEngine(catalog, newPersonOn(device));
  engines.push(engine);
  await engine.init({ backend: 'wasm' });
  return engine;
}

beforeAll(async () => {
  catalog = await loadShippedCatalog();
  device = createMemoryPersistence();
  // Encodes the catalog into `device`, once for every test here.
  await newPerson();
}, 300_000);

afterAll(async () => {
  for (const engine of engines) await engine.dispose();
});

describe('writes before the models are ready', () => {
  const R4_PROFILE: ProfileInput = { ...R2_PROFILE, riskLevel: 4, goalsText: 'Grow my money over the long term with shares.' };

  it('are stored at once, and init takes them into the recommender', async () => {
    const product = catalog.products.find((p) => p.risk_level === 2)!.id;
    const early = await shippedEngine(catalog, newPersonOn(device));
    engines.push(early);
    expect((await early.setProfile(R2_PROFILE)).profile).toEqual(R2_PROFILE);
    const state = await early.recordEvent({ productId: product, kind: 'favourite' });
    expect(state.favourites).toEqual([product]);
    expect(await early.storedPerson()).toEqual(state);
    expect((await early.init({ backend: 'wasm' })).person).toEqual(state);

    const late = await newPerson();
    await late.setProfile(R2_PROFILE);
    await late.recordEvent({ productId: product, kind: 'favourite' });
    const want = await late.recommend(OPTIONS);
    const got = await early.recommend(OPTIONS);
    expect(got.items.map((item) => item.productId)).toEqual(want.items.map((item) => item.productId));
    got.items.forEach((item, i) => expect(item.score).toBeCloseTo(want.items[i]!.score, 4));
  });

  it('made while init restores the person are all taken in, the latest profile included', async () => {
    const stored = newPersonOn(device);
    await stored.saveProfile(R2_PROFILE);
    // init reads the person only once the models are loaded: hold that read's answer until the writes are sent.
    const read = heldRead(stored);
    const engine = await shippedEngine(catalog, read.persistence);
    engines.push(engine);
    const init = engine.init({ backend: 'wasm' });
    await read.started;
    const product = catalog.products.find((p) => p.risk_level === 3)!.id;
    const writes = Promise.all([engine.setProfile(R4_PROFILE), engine.recordEvent({ productId: product, kind: 'favourite' })]);
    read.release();
    const [{ person }, [, last]] = await Promise.all([init, writes]);
    expect(person).toEqual(last);
    expect(person.profile).toEqual(R4_PROFILE);
    const { personRisk, items } = await engine.recommend({ ...OPTIONS, limit: 50 });
    expect(personRisk).toBe(4);
    expect(items.map((item) => item.productId)).not.toContain(product);
  });
});

describe('storage that fails', () => {
  const refused = (): Promise<never> => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

  it('does not stop the engine loading; reading or writing the person then says what failed and what to do', async () => {
    const engine = await shippedEngine(catalog, {
      keyStatus: refused,
      unlock: refused,
      setPassphrase: refused,
      loadPerson: refused,
      saveProfile: refused,
      appendEvent: refused,
      saveSettings: refused,
      deleteEventsBefore: refused,
      replacePerson: refused,
      footprint: refused,
      erase: refused,
      loadCatalogEmbeddings: refused,
      saveCatalogEmbeddings: refused,
      close: () => Promise.resolve(),
    });
    engines.push(engine);
    const { person } = await engine.init({ backend: 'wasm' });
    expect(person).toEqual({ profile: null, favourites: [], dismissed: [], compared: [], applied: [], eventCount: 0 });
    expect((await engine.search('a pension', 1)).hits).toHaveLength(1);
    const failure = { code: 'STORAGE_FAILED', message: expect.stringMatching(/read your saved data.*private browsing/) as unknown };
    await expect(engine.storedPerson()).rejects.toMatchObject(failure);
    await expect(engine.setProfile(R2_PROFILE)).rejects.toMatchObject(failure);
    await expect(engine.recordEvent({ productId: 'sav-001', kind: 'view' })).rejects.toMatchObject(failure);
  });

  it('keeps a write that could not be saved out of the person', async () => {
    const engine = await shippedEngine(catalog, { ...newPersonOn(device), saveProfile: refused });
    engines.push(engine);
    await expect(engine.setProfile(R2_PROFILE)).rejects.toMatchObject({ code: 'STORAGE_FAILED', message: expect.stringContaining('save your profile') as unknown });
    expect((await engine.storedPerson()).profile).toBeNull();
  });
});
