/**
 * The privacy center's store and the person store's lock, driven against the fake engine (the
 * stores are under test): each data control reaches the engine, reports how it went, and hands a
 * replaced person to every page.
 */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../src/i18n/i18n';
import { EngineCallError } from '../src/protocol/engine-call-error';
import { createAppStores } from '../src/state/app-stores';
import { deferred, FakeEngine, settle, TEST_PROFILE } from './helpers/fake-engine-api';

async function setUp(prepare: (engine: FakeEngine) => void = () => undefined) {
  const engine = new FakeEngine();
  prepare(engine);
  const stores = createAppStores(engine, 'auto', () => undefined);
  void stores.person.getState().loadStoredPerson();
  void stores.engine.getState().start('auto');
  engine.initGate.resolve();
  await settle();
  return { engine, stores, privacy: stores.privacy, person: stores.person };
}

const fileOf = (text: string) => ({ size: text.length, text: () => Promise.resolve(text) });

describe('privacy store', () => {
  it('shows what is stored, decrypted, once refreshed', async () => {
    const { privacy, person } = await setUp();
    await person.getState().saveProfile(TEST_PROFILE);
    await person.getState().recordEvent({ productId: 'sav-1', kind: 'view' });
    await privacy.getState().refresh();
    const { report, storage } = privacy.getState();
    expect(storage).toEqual({ protection: 'device', locked: false });
    expect(report?.profile).toEqual(TEST_PROFILE);
    expect(report?.events.map((event) => event.productId)).toEqual(['sav-1']);
  });

  it('exports a file and says what it holds; a failed export says why', async () => {
    const { engine, privacy, person } = await setUp();
    await person.getState().saveProfile(TEST_PROFILE);
    await person.getState().recordEvent({ productId: 'sav-1', kind: 'favourite' });
    const file = await privacy.getState().exportData();
    expect(file?.events).toHaveLength(1);
    expect(privacy.getState().lastAction).toMatchObject({ action: 'export', status: 'done', message: { key: 'privacy.export.doneWithProfile', values: { count: 1 } } });

    engine.failNext = { method: 'exportData', error: new EngineCallError({ code: 'STORAGE_FAILED', message: 'disk gone' }) };
    expect(await privacy.getState().exportData()).toBeNull();
    expect(privacy.getState().lastAction).toMatchObject({ action: 'export', status: 'error', error: { code: 'STORAGE_FAILED' } });
  });

  it('imports a file: every page shows the imported person, and recommendations follow them', async () => {
    const { engine, privacy, person } = await setUp();
    const text = JSON.stringify({ format: 'private-finance-recommender/person-export', version: 1, exportedAt: '', profile: TEST_PROFILE, events: [{ productId: 'bond-1', kind: 'view', at: 5 }], settings: { retentionDays: null } });
    await privacy.getState().importData(fileOf(text));
    await settle();
    expect(engine.imported).toBe(text);
    expect(person.getState()).toMatchObject({ profile: TEST_PROFILE, person: { eventCount: 1 }, recommendationsStatus: 'ready' });
    expect(privacy.getState().lastAction).toMatchObject({ status: 'done', message: { key: 'privacy.import.doneWithProfile', values: { count: 1 } } });
  });

  it('refuses a file too large to be an export without reading it', async () => {
    const { engine, privacy } = await setUp();
    let read = false;
    await privacy.getState().importData({ size: 50_000_000, text: () => ((read = true), Promise.resolve('')) });
    expect(read).toBe(false);
    expect(engine.imported).toBeNull();
    expect(privacy.getState().lastAction).toMatchObject({
      action: 'import',
      status: 'error',
      message: { key: 'privacy.import.tooLarge', values: { megabytes: 50 } },
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('erases: the person is gone from every page and nothing is recommended', async () => {
    const { engine, privacy, person } = await setUp();
    await person.getState().saveProfile(TEST_PROFILE);
    await person.getState().recordEvent({ productId: 'sav-1', kind: 'favourite' });
    await settle();
    expect(person.getState().recommendations).not.toBeNull();
    await privacy.getState().eraseAll();
    expect(engine.events).toEqual([]);
    expect(person.getState()).toMatchObject({ profile: null, recommendations: null, person: { favourites: [], eventCount: 0 } });
    expect(privacy.getState().lastAction).toMatchObject({ action: 'erase', status: 'done', message: { key: 'privacy.erase.done' } });
    expect(privacy.getState().report?.events).toEqual([]);
  });

  it('sets the retention period and the passphrase, and reports each', async () => {
    const { engine, privacy } = await setUp();
    await privacy.getState().setRetention(30);
    expect(engine.settings).toEqual({ retentionDays: 30 });
    expect(privacy.getState().lastAction?.message).toEqual({ key: 'privacy.retention.done', values: { days: 30, deleted: 0 } });
    await privacy.getState().setRetention(null);
    expect(privacy.getState().lastAction?.message).toEqual({ key: 'privacy.retention.doneForever', values: { deleted: 0 } });
    await privacy.getState().setPassphrase('correct horse battery');
    expect(engine.passphrase).toBe('correct horse battery');
    expect(privacy.getState().storage).toEqual({ protection: 'passphrase', locked: false });
    expect(privacy.getState().lastAction?.message).toEqual({ key: 'privacy.passphrase.set' });
  });

  it("writes the retention message's two counts in each language (nested plurals)", () => {
    const en = createI18n('en').t;
    expect(en('privacy.retention.done', { days: 30, deleted: 0 })).toBe('Events older than 30 days are deleted. 0 events were deleted now.');
    expect(en('privacy.retention.done', { days: 1, deleted: 1 })).toBe('Events older than 1 day are deleted. 1 event was deleted now.');
    expect(en('privacy.retention.doneForever', { deleted: 2 })).toBe('Events are kept until you erase them. 2 events were deleted now.');
    expect(createI18n('zh-CN').t('privacy.retention.done', { days: 90, deleted: 3 })).toBe('早于 90 天的行为记录会被删除。本次删除了 3 条行为记录。');
  });
});

describe('data controls and writes in flight', () => {
  it('erase waits for the writes already made, so none lands after it, and forgets the last search', async () => {
    const { engine, privacy, person, stores } = await setUp();
    await stores.catalog.getState().searchProducts('a home near the lake');
    expect(stores.catalog.getState().search.query).toBe('a home near the lake');
    engine.recordGate = deferred();
    void person.getState().recordEvent({ productId: 'sav-1', kind: 'favourite' });
    void person.getState().recordEvent({ productId: 'bond-1', kind: 'favourite' });
    const erasing = privacy.getState().eraseAll();
    await settle();
    expect(privacy.getState().lastAction?.status).toBe('working');
    engine.recordGate.resolve();
    await erasing;
    expect(engine.events).toEqual([]);
    expect(person.getState().person).toMatchObject({ favourites: [], eventCount: 0 });
    expect(stores.catalog.getState().search).toMatchObject({ status: 'idle', query: '', result: null });
  });
});

describe('locked data', () => {
  it('erased from the unlock page (a forgotten passphrase) is no longer locked: the person starts afresh', async () => {
    const { person, privacy } = await setUp((engine) => {
      engine.passphrase = 'correct horse battery';
      engine.locked = true;
    });
    expect(person.getState().locked).toBe(true);
    await privacy.getState().eraseAll();
    expect(person.getState()).toMatchObject({ locked: false, profile: null });
    expect(privacy.getState().storage).toEqual({ protection: 'device', locked: false });
  });

  it('is noticed when another tab locks it: a write refused as locked asks for the passphrase here too', async () => {
    const { engine, person } = await setUp();
    engine.failNext = { method: 'recordEvent', error: new EngineCallError({ code: 'STORAGE_LOCKED', message: 'locked' }) };
    expect(await person.getState().recordEvent({ productId: 'sav-1', kind: 'view' })).toBe(false);
    expect(person.getState().locked).toBe(true);
  });

  it('is reported as locked at start, stays locked on a wrong passphrase, and opens on the right one', async () => {
    const { person } = await setUp((engine) => {
      engine.person = { ...engine.person, profile: TEST_PROFILE, eventCount: 3 };
      engine.passphrase = 'correct horse battery';
      engine.locked = true;
    });
    expect(person.getState()).toMatchObject({ locked: true, restored: true });
    await person.getState().unlock('wrong');
    expect(person.getState()).toMatchObject({ locked: true, unlockStatus: 'error', unlockError: { code: 'INVALID_INPUT' } });
    await person.getState().unlock('correct horse battery');
    await settle();
    expect(person.getState()).toMatchObject({ locked: false, unlockStatus: 'idle', profile: TEST_PROFILE, person: { eventCount: 3 }, recommendationsStatus: 'ready' });
  });
});
