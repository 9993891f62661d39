import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { ProfileInput, RecordedEvent } from '../src/protocol/engine-api';
import { createIndexedDbPersistence } from '../src/storage/indexeddb-persistence';
import { createMemoryPersistence } from '../src/storage/memory-persistence';
import { DEFAULT_SETTINGS, type PersonPersistence } from '../src/storage/person-persistence';
import { StorageLockedError, WrongPassphraseError } from '../src/storage/storage-errors';

const PROFILE: ProfileInput = { riskLevel: 2, horizonYears: 8, age: 41, goalsText: 'Keep an emergency fund.', answers: { q1: 'a', q2: 'c' } };
const EVENTS: RecordedEvent[] = [
  { productId: 'sav-001', kind: 'view', at: 1_000, dwellMs: 4_000 },
  { productId: 'sav-001', kind: 'favourite', at: 2_000 },
  { productId: 'bond-003', kind: 'compare', at: 3_000 },
];
const PASSPHRASE = 'correct horse battery';

let databases = 0;
/** Each IndexedDB test gets its own pair of databases, as a fresh browser profile would. */
const freshIndexedDb = (): { open: () => PersonPersistence } => {
  const name = `person-test-${++databases}`;
  return { open: () => createIndexedDbPersistence(name, `${name}-cache`) };
};
/** Memory persistence is "the same device" only while it is the same object (`close` ends its session). */
const freshMemory = (): { open: () => PersonPersistence } => {
  const store = createMemoryPersistence();
  return { open: () => store };
};

/** A device holding PROFILE, EVENTS and 30-day retention. */
async function deviceWithPerson(fresh: () => { open: () => PersonPersistence }): Promise<{ open: () => PersonPersistence }> {
  const device = fresh();
  const store = device.open();
  await store.saveProfile(PROFILE);
  for (const event of EVENTS) await store.appendEvent(event);
  await store.saveSettings({ retentionDays: 30 });
  await store.close();
  return device;
}

describe.each([
  ['IndexedDB (fake-indexeddb)', freshIndexedDb],
  ['memory', freshMemory],
])('%s persistence', (_name, fresh) => {
  it('starts empty for a new person, protected by a device key', async () => {
    const store = fresh().open();
    expect(await store.keyStatus()).toEqual({ protection: 'device', locked: false });
    expect(await store.loadPerson()).toEqual({ profile: null, events: [], settings: DEFAULT_SETTINGS });
    expect(await store.loadCatalogEmbeddings('any')).toBeUndefined();
    await store.close();
  });

  it('keeps the profile, the events in order and the settings across reopening', async () => {
    const device = fresh();
    const first = device.open();
    await first.saveProfile({ ...PROFILE, riskLevel: 4 });
    await first.saveProfile(PROFILE);
    for (const event of EVENTS) await first.appendEvent(event);
    await first.saveSettings({ retentionDays: 90 });
    await first.saveSettings({ retentionDays: 30 });
    await first.close();

    const again = device.open();
    expect(await again.loadPerson()).toEqual({ profile: PROFILE, events: EVENTS, settings: { retentionDays: 30 } });
    await again.close();
  });

  it('caches catalog embeddings under their key only, and keeps only the latest', async () => {
    const device = fresh();
    const store = device.open();
    const rows = Float32Array.from({ length: 6 }, (_, i) => i / 7);
    await store.saveCatalogEmbeddings({ key: 'old', dim: 3, rows: new Float32Array(6) });
    await store.saveCatalogEmbeddings({ key: 'current', dim: 3, rows });
    await store.close();

    const again = device.open();
    const cached = await again.loadCatalogEmbeddings('current');
    expect(cached?.dim).toBe(3);
    expect(cached?.rows).toBeInstanceOf(Float32Array);
    expect(Array.from(cached!.rows)).toEqual(Array.from(rows));
    expect(await again.loadCatalogEmbeddings('old')).toBeUndefined();
    await again.close();
  });

  it('stores copies: changing an object after saving it changes nothing stored', async () => {
    const store = fresh().open();
    const answers: Record<string, string> = { q1: 'a' };
    await store.saveProfile({ ...PROFILE, answers });
    answers.q1 = 'changed';
    const settings = { retentionDays: 7 };
    await store.saveSettings(settings);
    settings.retentionDays = 8;
    const loaded = await store.loadPerson();
    expect(loaded.profile?.answers).toEqual({ q1: 'a' });
    expect(loaded.settings).toEqual({ retentionDays: 7 });
    await store.close();
  });

  it('deletes the events before a time, keeping the rest in order, and says how many', async () => {
    const store = (await deviceWithPerson(fresh)).open();
    expect(await store.deleteEventsBefore(2_000)).toBe(1);
    expect((await store.loadPerson()).events).toEqual(EVENTS.slice(1));
    expect(await store.deleteEventsBefore(2_000)).toBe(0);
    await store.appendEvent({ productId: 'fund-009', kind: 'apply', at: 4_000 });
    expect(await store.deleteEventsBefore(3_500)).toBe(2);
    expect((await store.loadPerson()).events).toEqual([{ productId: 'fund-009', kind: 'apply', at: 4_000 }]);
    await store.close();
  });

  it('replaces the whole person at once, and appends after the replaced log', async () => {
    const device = await deviceWithPerson(fresh);
    const store = device.open();
    const imported: RecordedEvent[] = [{ productId: 'card-002', kind: 'not_interested', at: 500 }];
    await store.replacePerson({ profile: null, events: imported, settings: DEFAULT_SETTINGS });
    expect(await store.loadPerson()).toEqual({ profile: null, events: imported, settings: DEFAULT_SETTINGS });
    await store.appendEvent(EVENTS[0]!);
    await store.close();

    const again = device.open();
    expect((await again.loadPerson()).events).toEqual([...imported, EVENTS[0]]);
    await again.replacePerson({ profile: PROFILE, events: [], settings: { retentionDays: 10 } });
    expect(await again.loadPerson()).toEqual({ profile: PROFILE, events: [], settings: { retentionDays: 10 } });
    await again.close();
  });

  it('with a passphrase: locked after reopening until the right one is given, then readable', async () => {
    const device = await deviceWithPerson(fresh);
    const store = device.open();
    await store.setPassphrase(PASSPHRASE);
    // Whoever set it is not asked for it again this session.
    expect(await store.keyStatus()).toEqual({ protection: 'passphrase', locked: false });
    expect((await store.loadPerson()).events).toEqual(EVENTS);
    await store.close();

    const locked = device.open();
    expect(await locked.keyStatus()).toEqual({ protection: 'passphrase', locked: true });
    const refusals: [string, () => Promise<unknown>][] = [
      ['loadPerson', () => locked.loadPerson()],
      ['saveProfile', () => locked.saveProfile(PROFILE)],
      ['appendEvent', () => locked.appendEvent(EVENTS[0]!)],
      ['saveSettings', () => locked.saveSettings(DEFAULT_SETTINGS)],
      ['deleteEventsBefore', () => locked.deleteEventsBefore(10_000)],
      ['replacePerson', () => locked.replacePerson({ profile: null, events: [], settings: DEFAULT_SETTINGS })],
      ['setPassphrase', () => locked.setPassphrase(null)],
    ];
    for (const [call, attempt] of refusals) await expect(attempt(), call).rejects.toBeInstanceOf(StorageLockedError);

    await expect(locked.unlock('not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await locked.keyStatus()).toEqual({ protection: 'passphrase', locked: true });
    await locked.unlock(PASSPHRASE);
    expect(await locked.keyStatus()).toEqual({ protection: 'passphrase', locked: false });
    // Nothing was lost or changed by the refused calls.
    expect(await locked.loadPerson()).toEqual({ profile: PROFILE, events: EVENTS, settings: { retentionDays: 30 } });
    await locked.close();
  });

  it('keeps the catalog cache and the footprint usable while locked', async () => {
    const device = await deviceWithPerson(fresh);
    const store = device.open();
    await store.setPassphrase(PASSPHRASE);
    await store.close();

    const locked = device.open();
    await locked.saveCatalogEmbeddings({ key: 'k', dim: 1, rows: new Float32Array([1]) });
    expect((await locked.loadCatalogEmbeddings('k'))?.dim).toBe(1);
    const events = (await locked.footprint()).find((footprint) => footprint.store === 'events');
    expect(events?.records).toBe(EVENTS.length);
    await locked.close();
  });

  it('goes back to a device key with setPassphrase(null), keeping the data and opening without a passphrase', async () => {
    const device = await deviceWithPerson(fresh);
    const store = device.open();
    await store.setPassphrase(PASSPHRASE);
    await store.setPassphrase('another passphrase');
    await store.close();

    const relocked = device.open();
    await expect(relocked.unlock(PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError);
    await relocked.unlock('another passphrase');
    await relocked.setPassphrase(null);
    expect(await relocked.keyStatus()).toEqual({ protection: 'device', locked: false });
    await relocked.close();

    const open = device.open();
    expect(await open.keyStatus()).toEqual({ protection: 'device', locked: false });
    // unlock with a device key has nothing to do, whatever it is given.
    await open.unlock('anything');
    expect(await open.loadPerson()).toEqual({ profile: PROFILE, events: EVENTS, settings: { retentionDays: 30 } });
    await open.close();
  });

  it('reports a footprint per store that follows what is stored', async () => {
    const device = fresh();
    const store = device.open();
    const empty = await store.footprint();
    for (const name of ['profile', 'events', 'settings', 'catalogEmbeddings']) {
      expect(empty.find((footprint) => footprint.store === name), name).toMatchObject({ records: 0, bytes: 0 });
    }
    await store.saveProfile(PROFILE);
    for (const event of EVENTS) await store.appendEvent(event);
    await store.saveCatalogEmbeddings({ key: 'k', dim: 4, rows: new Float32Array(40) });
    const byStore = new Map((await store.footprint()).map((footprint) => [footprint.store, footprint]));
    expect(byStore.get('profile')?.records).toBe(1);
    expect(byStore.get('events')?.records).toBe(3);
    expect(byStore.get('settings')?.records).toBe(0);
    expect(byStore.get('catalogEmbeddings')).toMatchObject({ records: 1, bytes: 160, encrypted: false });
    // Each record takes at least its JSON (the sealed form adds the IV and the tag) and far less than a kilobyte.
    expect(byStore.get('profile')!.bytes).toBeGreaterThanOrEqual(JSON.stringify(PROFILE).length);
    expect(byStore.get('profile')!.bytes).toBeLessThan(1_000);
    expect(byStore.get('events')!.bytes).toBeGreaterThanOrEqual(EVENTS.reduce((sum, event) => sum + JSON.stringify(event).length, 0));
    expect(byStore.get('events')!.bytes).toBeLessThan(3_000);
    await store.close();
  });

  it('erases everything, passphrase included, even while locked; the next call starts a new person', async () => {
    const device = await deviceWithPerson(fresh);
    const store = device.open();
    await store.saveCatalogEmbeddings({ key: 'k', dim: 1, rows: new Float32Array([1]) });
    await store.setPassphrase(PASSPHRASE);
    await store.close();

    const locked = device.open();
    await locked.erase();
    expect(await locked.keyStatus()).toEqual({ protection: 'device', locked: false });
    expect(await locked.loadPerson()).toEqual({ profile: null, events: [], settings: DEFAULT_SETTINGS });
    expect(await locked.loadCatalogEmbeddings('k')).toBeUndefined();
    await locked.appendEvent(EVENTS[0]!);
    await locked.close();

    const again = device.open();
    expect((await again.loadPerson()).events).toEqual([EVENTS[0]]);
    await again.close();
  });
});

describe('IndexedDB persistence, when the browser closes the connection itself', () => {
  it('opens the database again on the next call', async () => {
    const open = vi.spyOn(indexedDB, 'open');
    try {
      const store = freshIndexedDb().open();
      await store.saveProfile(PROFILE);
      const request = open.mock.results[0]!.value as IDBOpenDBRequest;
      // What a browser does when its storage is cleared or fails under the page.
      // (fake-indexeddb's typings ask for the class where the function takes the connection.)
      forceCloseDatabase(request.result as unknown as Parameters<typeof forceCloseDatabase>[0]);
      await store.appendEvent(EVENTS[0]!);
      expect(await store.loadPerson()).toEqual({ profile: PROFILE, events: [EVENTS[0]], settings: DEFAULT_SETTINGS });
      expect(open).toHaveBeenCalledTimes(2);
      await store.close();
    } finally {
      open.mockRestore();
    }
  });
});
