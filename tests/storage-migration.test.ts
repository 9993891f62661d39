import 'fake-indexeddb/auto';
import { openDB, type DBSchema } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfileInput, RecordedEvent } from '../src/protocol/engine-api';
import { createIndexedDbPersistence } from '../src/storage/indexeddb-persistence';
import { DEFAULT_SETTINGS, type CatalogEmbeddingsRecord } from '../src/storage/person-persistence';
import { databaseText, failWrites, isSealedRecord, readRawDatabase, type RawDatabase } from './helpers/raw-indexeddb';

const GOALS_CANARY = 'canary-goals-0c7e41';
const PRODUCT_CANARY = 'canary-product-6b2d90';
const PROFILE: ProfileInput = { riskLevel: 1, horizonYears: 3, age: 67, goalsText: `Income in retirement ${GOALS_CANARY}`, answers: { q1: 'a', q4: 'd' } };
const EVENTS: RecordedEvent[] = [
  { productId: PRODUCT_CANARY, kind: 'view', at: 10, dwellMs: 800 },
  { productId: 'bond-003', kind: 'favourite', at: 20 },
  { productId: PRODUCT_CANARY, kind: 'apply', at: 30 },
  { productId: 'bond-003', kind: 'unfavourite', at: 40 },
];

/** The schema version 1 of the app shipped, as it wrote it. */
interface PersonDatabaseV1 extends DBSchema {
  profile: { key: string; value: ProfileInput };
  events: { key: number; value: RecordedEvent };
  catalogEmbeddings: { key: string; value: CatalogEmbeddingsRecord };
}

let devices = 0;

/** A device whose person database is version 1, written as version 1 did: plaintext records. */
async function deviceOnVersion1(person: { profile: ProfileInput | null; events: readonly RecordedEvent[] } = { profile: PROFILE, events: EVENTS }) {
  const name = `migration-test-${++devices}`;
  const db = await openDB<PersonDatabaseV1>(name, 1, {
    upgrade(v1) {
      v1.createObjectStore('profile');
      v1.createObjectStore('events', { autoIncrement: true });
      v1.createObjectStore('catalogEmbeddings', { keyPath: 'key' });
    },
  });
  if (person.profile !== null) await db.put('profile', person.profile, 'current');
  for (const event of person.events) await db.add('events', event);
  await db.put('catalogEmbeddings', { key: 'catalog-v1', dim: 2, rows: new Float32Array([1, 2, 3, 4]) });
  db.close();
  return { name, cache: `${name}-cache`, open: () => createIndexedDbPersistence(name, `${name}-cache`) };
}

function eventKeys(raw: RawDatabase): readonly IDBValidKey[] {
  return (raw.stores.get('events') ?? []).map((record) => record.key);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('upgrading the person database from version 1', () => {
  it('keeps the profile and the events, now encrypted, and drops the embeddings cache', async () => {
    const device = await deviceOnVersion1();
    const v1 = await readRawDatabase(device.name);
    // Control: the search finds the canaries in version 1's plaintext.
    expect(databaseText(v1)).toContain(GOALS_CANARY);
    expect(databaseText(v1)).toContain(PRODUCT_CANARY);

    const store = device.open();
    expect(await store.loadPerson()).toEqual({ profile: PROFILE, events: EVENTS, settings: DEFAULT_SETTINGS });
    expect(await store.loadCatalogEmbeddings('catalog-v1')).toBeUndefined();
    await store.close();

    const v2 = await readRawDatabase(device.name);
    expect(v2.version).toBe(2);
    expect([...v2.stores.keys()].sort()).toEqual(['events', 'meta', 'profile', 'settings']);
    for (const record of [...(v2.stores.get('profile') ?? []), ...(v2.stores.get('events') ?? [])]) expect(isSealedRecord(record.value)).toBe(true);
    // The log keeps its keys, hence its order, and new events go after it.
    expect(eventKeys(v2)).toEqual(eventKeys(v1));
    // Only the key is left in meta: the upgrade's mark is gone.
    expect(v2.stores.get('meta')?.map((record) => record.key)).toEqual(['key']);
    expect(databaseText(v2)).not.toContain(GOALS_CANARY);
    expect(databaseText(v2)).not.toContain(PRODUCT_CANARY);

    const again = device.open();
    await again.appendEvent({ productId: 'sav-001', kind: 'click', at: 50 });
    expect((await again.loadPerson()).events).toEqual([...EVENTS, { productId: 'sav-001', kind: 'click', at: 50 }]);
    await again.close();
  });

  it('encrypts on opening, before anything is read: the key status alone finishes it', async () => {
    const device = await deviceOnVersion1();
    const store = device.open();
    expect(await store.keyStatus()).toEqual({ protection: 'device', locked: false });
    await store.close();
    expect(databaseText(await readRawDatabase(device.name))).not.toContain(GOALS_CANARY);
  });

  it('upgrades a version 1 database without a profile or events', async () => {
    const device = await deviceOnVersion1({ profile: null, events: [] });
    const store = device.open();
    expect(await store.loadPerson()).toEqual({ profile: null, events: [], settings: DEFAULT_SETTINGS });
    await store.close();
    expect((await readRawDatabase(device.name)).stores.get('meta')?.map((record) => record.key)).toEqual(['key']);
  });

  it('loses nothing when encryption fails part-way, and finishes on the next open', async () => {
    const device = await deviceOnVersion1();
    const v1 = await readRawDatabase(device.name);
    const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
    let sealed = 0;
    vi.spyOn(crypto.subtle, 'encrypt').mockImplementation((...args: Parameters<SubtleCrypto['encrypt']>) => {
      sealed += 1;
      return sealed === 3 ? Promise.reject(new DOMException('Simulated crypto failure', 'OperationError')) : encrypt(...args);
    });
    const interrupted = device.open();
    await expect(interrupted.loadPerson()).rejects.toThrow('Simulated crypto failure');
    await interrupted.close();
    vi.restoreAllMocks();

    // Still version 2 on disk, with the plaintext records as they were and the mark still set.
    const between = await readRawDatabase(device.name);
    expect(between.version).toBe(2);
    expect(between.stores.get('profile')?.[0]?.value).toEqual(PROFILE);
    expect(between.stores.get('events')).toEqual(v1.stores.get('events'));
    expect(between.stores.get('meta')?.map((record) => record.key).sort()).toEqual(['key', 'pendingEncryption']);

    const reopened = device.open();
    expect(await reopened.loadPerson()).toEqual({ profile: PROFILE, events: EVENTS, settings: DEFAULT_SETTINGS });
    await reopened.close();
    expect(databaseText(await readRawDatabase(device.name))).not.toContain(PRODUCT_CANARY);
  });

  it('loses nothing when writing the encrypted records fails, and the same tab tries again on its next call', async () => {
    const device = await deviceOnVersion1();
    // The profile's record is requested first, then the events' fail.
    failWrites('put', (objectStore) => objectStore.name === 'events');
    const store = device.open();
    await expect(store.loadPerson()).rejects.toThrow('Simulated write failure');
    vi.restoreAllMocks();

    expect((await readRawDatabase(device.name)).stores.get('profile')?.[0]?.value).toEqual(PROFILE);
    expect(await store.loadPerson()).toEqual({ profile: PROFILE, events: EVENTS, settings: DEFAULT_SETTINGS });
    await store.close();
  });

  it('is done once when two tabs open the old database together', async () => {
    const device = await deviceOnVersion1();
    const [tabA, tabB] = [device.open(), device.open()];
    const [personA, personB] = await Promise.all([tabA.loadPerson(), tabB.loadPerson()]);
    expect(personA.events).toEqual(EVENTS);
    expect(personB.events).toEqual(EVENTS);
    await Promise.all([tabA.close(), tabB.close()]);

    const raw = await readRawDatabase(device.name);
    expect(raw.stores.get('events')).toHaveLength(EVENTS.length);
    expect(raw.stores.get('meta')?.map((record) => record.key)).toEqual(['key']);
  });
});
