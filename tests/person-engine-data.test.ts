/**
 * The person's data controls on the in-process engine with the shipped models (WASM backend):
 * export and import, erase, retention and the passphrase lock, as the privacy center uses them.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEngineApi, Catalog, PersonExport, ProductEventKind } from '../src/protocol/engine-api';
import { createIndexedDbPersistence } from '../src/storage/indexeddb-persistence';
import { createMemoryPersistence } from '../src/storage/memory-persistence';
import type { PersonPersistence } from '../src/storage/person-persistence';
import { heldRead, loadShippedCatalog, newPersonOn, OPTIONS, R2_PROFILE, shippedEngine } from './helpers/person-engine';

const DAY = 86_400_000;
let catalog: Catalog;
let device: PersonPersistence;
const engines: AppEngineApi[] = [];

/** A clock the test moves: `advance(ms)` is "later". */
function manualClock(start = Date.UTC(2026, 5, 1)) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

async function readyEngine(persistence: PersonPersistence, now?: () => number): Promise<AppEngineApi> {
  const engine = await shippedEngine(catalog, persistence, now);
  engines.push(engine);
  await engine.init({ backend: 'wasm' });
  return engine;
}

/** What the person did: a few products of each kind, cautious products mostly. */
async function act(engine: AppEngineApi): Promise<void> {
  const low = catalog.products.filter((product) => product.risk_level <= 2);
  const kinds: ProductEventKind[] = ['view', 'click', 'favourite', 'compare', 'not_interested', 'apply'];
  for (const [index, kind] of kinds.entries()) await engine.recordEvent({ productId: low[index * 3]!.id, kind });
}

const ranking = async (engine: AppEngineApi) => (await engine.recommend(OPTIONS)).items.map((item) => [item.productId, item.score.toFixed(5)]);

beforeAll(async () => {
  catalog = await loadShippedCatalog();
  device = createMemoryPersistence();
  await readyEngine(newPersonOn(device));
}, 300_000);

afterAll(async () => {
  for (const engine of engines) await engine.dispose();
});

describe('export and import', () => {
  it('restores the same recommendations on another device, and an erased one', async () => {
    const engine = await readyEngine(newPersonOn(device));
    await engine.setProfile(R2_PROFILE);
    await act(engine);
    const before = await ranking(engine);
    const file: PersonExport = await engine.exportData();
    expect(file.format).toBe('private-finance-recommender/person-export');
    expect(file.events).toHaveLength(6);
    const json = JSON.stringify(file);

    const other = await readyEngine(newPersonOn(device));
    const imported = await other.importData(json);
    expect(imported.eventCount).toBe(6);
    expect(imported.profile).toEqual(R2_PROFILE);
    expect(await ranking(other)).toEqual(before);

    await engine.eraseAll();
    await engine.importData(json);
    expect(await ranking(engine)).toEqual(before);
    // And it survives a restart: the import was stored, not only held in memory.
    expect((await engine.storedData()).events).toEqual(file.events);
  });

  it('refuses a broken or foreign file and keeps what was stored', async () => {
    const engine = await readyEngine(newPersonOn(device));
    await engine.setProfile(R2_PROFILE);
    await act(engine);
    const good = await engine.exportData();
    const stored = await engine.storedData();
    const foreign = { ...good, events: [{ productId: 'no-such-product', kind: 'view', at: 1 }] };
    await expect(engine.importData('{not json')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.importData(JSON.stringify({ ...good, format: 'something-else' }))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(engine.importData(JSON.stringify(foreign))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('no-such-product') as unknown });
    expect(await engine.storedData()).toEqual(stored);
  });
});

describe('erase', () => {
  it('leaves nothing stored and nothing to recommend from, and the person can start again', async () => {
    const engine = await readyEngine(newPersonOn(device));
    await engine.setProfile(R2_PROFILE);
    await act(engine);
    const person = await engine.eraseAll();
    expect(person).toEqual({ profile: null, favourites: [], dismissed: [], compared: [], applied: [], eventCount: 0 });
    expect(await engine.storedPerson()).toEqual(person);
    const report = await engine.storedData();
    expect(report.profile).toBeNull();
    expect(report.events).toEqual([]);
    await expect(engine.recommend(OPTIONS)).rejects.toMatchObject({ code: 'NOT_READY' });

    await engine.setProfile(R2_PROFILE);
    const fresh = await readyEngine(newPersonOn(device));
    await fresh.setProfile(R2_PROFILE);
    expect(await ranking(engine)).toEqual(await ranking(fresh));
  });
});

describe('while the models load', () => {
  /** A person who acted and exported, with the ranking they had, and storage holding someone else (R4). */
  async function importScenario() {
    const source = await readyEngine(newPersonOn(device));
    await source.setProfile(R2_PROFILE);
    await act(source);
    const file = JSON.stringify(await source.exportData());
    const expected = await ranking(source);
    const storage = newPersonOn(device);
    await storage.saveProfile({ ...R2_PROFILE, riskLevel: 4, goalsText: 'Grow my money with shares.' });
    return { file, expected, storage };
  }

  it('erase and import are not held up by init, and init ends with the person they left', async () => {
    const { file, expected, storage } = await importScenario();
    const engine = await shippedEngine(catalog, storage);
    engines.push(engine);
    const loading = engine.init({ backend: 'wasm' });
    expect((await engine.eraseAll()).profile).toBeNull();
    expect((await engine.importData(file)).eventCount).toBe(6);
    await loading;
    expect(await ranking(engine)).toEqual(expected);
  });

  it('an import landing while init embeds the stored profile: init starts over on the imported person', async () => {
    const { file, expected, storage } = await importScenario();
    // init reads the person once the models are loaded: the read is made before the import is
    // stored and answered after it, so init embeds the R4 profile while the import lands.
    const read = heldRead(storage);
    const engine = await shippedEngine(catalog, read.persistence);
    engines.push(engine);
    const loading = engine.init({ backend: 'wasm' });
    await read.started;
    read.release();
    const [init] = await Promise.all([loading, engine.importData(file)]);
    expect(init.person.eventCount).toBe(6);
    expect(await ranking(engine)).toEqual(expected);
  });
});

describe('retention', () => {
  it('deletes events older than the period now and at each start, and keeps the rest', async () => {
    const clock = manualClock();
    const storage = newPersonOn(device);
    const engine = await readyEngine(storage, clock.now);
    await engine.setProfile(R2_PROFILE);
    const [old, recent, later] = catalog.products.filter((product) => product.risk_level <= 2);
    await engine.recordEvent({ productId: old!.id, kind: 'favourite' });
    clock.advance(40 * DAY);
    await engine.recordEvent({ productId: recent!.id, kind: 'favourite' });

    const result = await engine.setRetention(30);
    expect(result.deleted).toBe(1);
    expect(result.person.favourites).toEqual([recent!.id]);
    expect((await engine.storedData()).events.map((event) => event.productId)).toEqual([recent!.id]);
    // The recommender forgot the deleted favourite too: the same as a person who only saved `recent`.
    const twin = await readyEngine(newPersonOn(device), clock.now);
    await twin.setProfile(R2_PROFILE);
    await twin.recordEvent({ productId: recent!.id, kind: 'favourite' });
    expect(await ranking(engine)).toEqual(await ranking(twin));

    clock.advance(25 * DAY);
    await engine.recordEvent({ productId: later!.id, kind: 'view' });
    clock.advance(10 * DAY);
    // A restart applies the period: `recent` is now 35 days old.
    const restarted = await readyEngine(storage, clock.now);
    expect((await restarted.storedPerson()).favourites).toEqual([]);
    expect((await restarted.storedData()).events.map((event) => event.productId)).toEqual([later!.id]);
  });

  it('takes whole days in range or null, and nothing else', async () => {
    const engine = await readyEngine(newPersonOn(device));
    for (const days of [0, -1, 1.5, 10_000, Number.NaN]) await expect(engine.setRetention(days)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await engine.setRetention(null)).settings).toEqual({ retentionDays: null });
  });
});

describe('passphrase', () => {
  /** The person's IndexedDB store (fake-indexeddb), opened afresh as a browser restart does, on the device's cache. */
  const openStore = (): PersonPersistence => ({
    ...createIndexedDbPersistence('passphrase-test'),
    loadCatalogEmbeddings: (key) => device.loadCatalogEmbeddings(key),
    saveCatalogEmbeddings: (record) => device.saveCatalogEmbeddings(record),
  });

  it('locks the data after a restart until the right passphrase is given', async () => {
    const engine = await readyEngine(openStore());
    await engine.setProfile(R2_PROFILE);
    await act(engine);
    const before = await ranking(engine);
    await expect(engine.setPassphrase('short')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await engine.setPassphrase('correct horse battery')).toEqual({ protection: 'passphrase', locked: false });

    const restarted = await readyEngine(openStore());
    expect(await restarted.storageStatus()).toEqual({ protection: 'passphrase', locked: true });
    await expect(restarted.storedPerson()).rejects.toMatchObject({ code: 'STORAGE_LOCKED' });
    await expect(restarted.recordEvent({ productId: catalog.products[0]!.id, kind: 'view' })).rejects.toMatchObject({ code: 'STORAGE_LOCKED' });
    await expect(restarted.exportData()).rejects.toMatchObject({ code: 'STORAGE_LOCKED' });
    await expect(restarted.unlock('wrong passphrase')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const unlocked = await restarted.unlock('correct horse battery');
    expect(unlocked.eventCount).toBe(6);
    expect(await ranking(restarted)).toEqual(before);

    expect(await restarted.setPassphrase(null)).toEqual({ protection: 'device', locked: false });
    expect((await restarted.storedData()).events).toHaveLength(6);
  });
});
