import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { ProfileInput, RecordedEvent } from '../src/protocol/engine-api';
import { createIndexedDbPersistence } from '../src/storage/indexeddb-persistence';
import { createMemoryPersistence } from '../src/storage/memory-persistence';
import type { PersonPersistence } from '../src/storage/person-persistence';

const PROFILE: ProfileInput = { riskLevel: 2, horizonYears: 8, age: 41, goalsText: 'Keep an emergency fund.', answers: { q1: 'a', q2: 'c' } };
const EVENTS: RecordedEvent[] = [
  { productId: 'sav-001', kind: 'view', at: 1_000, dwellMs: 4_000 },
  { productId: 'sav-001', kind: 'favourite', at: 2_000 },
  { productId: 'bond-003', kind: 'compare', at: 3_000 },
];

let databases = 0;
/** Each IndexedDB test gets its own database, as a fresh browser profile would. */
const freshIndexedDb = (): { open: () => PersonPersistence } => {
  const name = `person-test-${++databases}`;
  return { open: () => createIndexedDbPersistence(name) };
};
/** Memory persistence is "the same device" only while it is the same object. */
const freshMemory = (): { open: () => PersonPersistence } => {
  const store = createMemoryPersistence();
  return { open: () => store };
};

describe.each([
  ['IndexedDB (fake-indexeddb)', freshIndexedDb],
  ['memory', freshMemory],
])('%s persistence', (_name, fresh) => {
  it('starts empty for a new person', async () => {
    const store = fresh().open();
    expect(await store.loadPerson()).toEqual({ profile: null, events: [] });
    expect(await store.loadCatalogEmbeddings('any')).toBeUndefined();
    await store.close();
  });

  it('keeps the profile and the events, in order, across reopening', async () => {
    const device = fresh();
    const first = device.open();
    await first.saveProfile({ ...PROFILE, riskLevel: 4 });
    await first.saveProfile(PROFILE);
    for (const event of EVENTS) await first.appendEvent(event);
    await first.close();

    const again = device.open();
    const stored = await again.loadPerson();
    expect(stored.profile).toEqual(PROFILE);
    expect(stored.events).toEqual(EVENTS);
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
    expect((await store.loadPerson()).profile?.answers).toEqual({ q1: 'a' });
    await store.close();
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
      expect(await store.loadPerson()).toEqual({ profile: PROFILE, events: [EVENTS[0]] });
      expect(open).toHaveBeenCalledTimes(2);
      await store.close();
    } finally {
      open.mockRestore();
    }
  });
});
