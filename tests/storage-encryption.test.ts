import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProfileInput, RecordedEvent } from '../src/protocol/engine-api';
import { createIndexedDbPersistence } from '../src/storage/indexeddb-persistence';
import { PBKDF2_ITERATIONS } from '../src/storage/key-store';
import type { PersonPersistence } from '../src/storage/person-persistence';
import { UnreadableRecordError } from '../src/storage/record-cipher';
import { EraseBlockedError, StorageLockedError, WrongPassphraseError } from '../src/storage/storage-errors';
import { databaseExists, databaseText, failWrites, isSealedRecord, readRawDatabase, type RawDatabase } from './helpers/raw-indexeddb';

const GOALS_CANARY = 'canary-goals-5d1f8e';
const PRODUCT_CANARY = 'canary-product-a93c27';
const PROFILE: ProfileInput = { riskLevel: 3, horizonYears: 12, age: 35, goalsText: `Save for a house ${GOALS_CANARY}`, answers: { q1: 'b' } };
const EVENTS: RecordedEvent[] = [
  { productId: PRODUCT_CANARY, kind: 'view', at: 1_000, dwellMs: 2_500 },
  { productId: PRODUCT_CANARY, kind: 'favourite', at: 2_000 },
  { productId: 'sav-001', kind: 'compare', at: 3_000 },
];
const PASSPHRASE = 'correct horse battery';

let devices = 0;
/** A fresh pair of databases; each `open()` is a new tab or a browser restart on the same device. */
function freshDevice(): { person: string; cache: string; open: () => PersonPersistence } {
  const person = `encryption-test-${++devices}`;
  const cache = `${person}-cache`;
  return { person, cache, open: () => createIndexedDbPersistence(person, cache) };
}

async function deviceWithPerson(): Promise<ReturnType<typeof freshDevice>> {
  const device = freshDevice();
  const store = device.open();
  await store.saveProfile(PROFILE);
  for (const event of EVENTS) await store.appendEvent(event);
  await store.saveSettings({ retentionDays: 365 });
  await store.close();
  return device;
}

function records(database: RawDatabase, store: string): readonly unknown[] {
  return (database.stores.get(store) ?? []).map((record) => record.value);
}

/** The stored key material (`meta` 'key'). */
function keyMaterial(database: RawDatabase): Record<string, unknown> {
  const record = database.stores.get('meta')?.find((entry) => entry.key === 'key');
  return record?.value as Record<string, unknown>;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('IndexedDB persistence at rest', () => {
  it('stores the profile, every event and the settings as sealed records with no plaintext in them', async () => {
    const device = await deviceWithPerson();
    const store = device.open();
    // Control: the catalog cache is not encrypted, so a canary in its key must show up in the search.
    await store.saveCatalogEmbeddings({ key: `catalog ${PRODUCT_CANARY}`, dim: 1, rows: new Float32Array([0.5]) });
    await store.close();

    const raw = await readRawDatabase(device.person);
    expect(raw.version).toBe(2);
    expect([...raw.stores.keys()].sort()).toEqual(['events', 'meta', 'profile', 'settings']);
    const sealed = [...records(raw, 'profile'), ...records(raw, 'events'), ...records(raw, 'settings')];
    expect(sealed).toHaveLength(1 + EVENTS.length + 1);
    for (const record of sealed) expect(isSealedRecord(record)).toBe(true);
    // A fresh random IV for every record.
    const ivs = sealed.map((record) => (isSealedRecord(record) ? Array.from(record.iv).join(',') : ''));
    expect(new Set(ivs).size).toBe(sealed.length);

    const personText = databaseText(raw);
    for (const plaintext of [GOALS_CANARY, PRODUCT_CANARY, 'favourite', 'riskLevel', 'retentionDays']) expect(personText).not.toContain(plaintext);
    expect(databaseText(await readRawDatabase(device.cache))).toContain(PRODUCT_CANARY);
  });

  it('keeps a non-extractable AES-GCM 256 device key in meta', async () => {
    const device = await deviceWithPerson();
    const material = keyMaterial(await readRawDatabase(device.person));
    expect(material.protection).toBe('device');
    const key = material.key as CryptoKey;
    expect(key).toBeInstanceOf(CryptoKey);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toEqual({ name: 'AES-GCM', length: 256 });
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt']);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('with a passphrase, stores only the salt, the iteration count and a sealed verifier: no key, no plaintext', async () => {
    const device = await deviceWithPerson();
    const before = await readRawDatabase(device.person);
    const store = device.open();
    await store.setPassphrase(PASSPHRASE);
    await store.close();

    const raw = await readRawDatabase(device.person);
    const material = keyMaterial(raw);
    expect(material.protection).toBe('passphrase');
    expect(material.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    expect((material.salt as Uint8Array).byteLength).toBe(16);
    expect(isSealedRecord(material.verifier)).toBe(true);
    expect('key' in material).toBe(false);
    expect(raw.stores.get('meta')).toHaveLength(1);
    // Every record was sealed again (new IVs), under the same keys.
    const ivsOf = (database: RawDatabase): string[] =>
      ['profile', 'events', 'settings'].flatMap((name) => records(database, name).map((record) => (isSealedRecord(record) ? Array.from(record.iv).join(',') : '')));
    expect(ivsOf(raw).filter((iv) => ivsOf(before).includes(iv))).toEqual([]);
    expect(raw.stores.get('events')?.map((record) => record.key)).toEqual(before.stores.get('events')?.map((record) => record.key));
    const text = databaseText(raw);
    expect(text).not.toContain(GOALS_CANARY);
    expect(text).not.toContain(PRODUCT_CANARY);
    expect(text).not.toContain(PASSPHRASE);
  });

  it('refuses a wrong passphrase without changing a stored byte', async () => {
    const device = await deviceWithPerson();
    const store = device.open();
    await store.setPassphrase(PASSPHRASE);
    await store.close();
    const before = databaseText(await readRawDatabase(device.person));

    const locked = device.open();
    for (const wrong of ['correct horse batterY', '', PASSPHRASE.slice(0, -1)]) {
      await expect(locked.unlock(wrong)).rejects.toBeInstanceOf(WrongPassphraseError);
    }
    await expect(locked.loadPerson()).rejects.toBeInstanceOf(StorageLockedError);
    expect(databaseText(await readRawDatabase(device.person))).toBe(before);
    await locked.unlock(PASSPHRASE);
    expect((await locked.loadPerson()).profile).toEqual(PROFILE);
    await locked.close();
  });

  it('takes the passphrase in any Unicode normalisation form', async () => {
    const device = await deviceWithPerson();
    const store = device.open();
    await store.setPassphrase('caf\u00e9 au lait 42');
    await store.close();
    const locked = device.open();
    await locked.unlock('cafe\u0301 au lait 42');
    expect((await locked.loadPerson()).events).toEqual(EVENTS);
    await locked.close();
  });

  it('goes back to a new device key with setPassphrase(null), every record still readable', async () => {
    const device = await deviceWithPerson();
    const firstKeyId = keyMaterial(await readRawDatabase(device.person)).keyId;
    const store = device.open();
    await store.setPassphrase(PASSPHRASE);
    await store.setPassphrase(null);
    await store.close();

    const material = keyMaterial(await readRawDatabase(device.person));
    expect(material.protection).toBe('device');
    expect(material.keyId).not.toBe(firstKeyId);
    const again = device.open();
    expect(await again.loadPerson()).toEqual({ profile: PROFILE, events: EVENTS, settings: { retentionDays: 365 } });
    await again.close();
  });

  it('binds each record to its store: a record moved to another store does not open', async () => {
    const device = await deviceWithPerson();
    const db = await openDB(device.person);
    const settings: unknown = await db.get('settings', 'current');
    await db.put('profile', settings, 'current');
    db.close();

    const store = device.open();
    await expect(store.loadPerson()).rejects.toBeInstanceOf(UnreadableRecordError);
    await store.close();
  });

  it('reports footprints that are the stored records’ sizes', async () => {
    const device = await deviceWithPerson();
    const store = device.open();
    await store.saveCatalogEmbeddings({ key: 'k', dim: 2, rows: new Float32Array(10) });
    const raw = await readRawDatabase(device.person);
    const sealedBytes = (name: string): number =>
      records(raw, name).reduce<number>((sum, record) => sum + (isSealedRecord(record) ? record.iv.byteLength + record.ciphertext.byteLength : Number.NaN), 0);

    expect(await store.footprint()).toEqual([
      { store: 'meta', records: 1, bytes: 32, encrypted: false },
      { store: 'profile', records: 1, bytes: sealedBytes('profile'), encrypted: true },
      { store: 'events', records: 3, bytes: sealedBytes('events'), encrypted: true },
      { store: 'settings', records: 1, bytes: sealedBytes('settings'), encrypted: true },
      { store: 'catalogEmbeddings', records: 1, bytes: 40, encrypted: false },
    ]);
    // An AES-GCM record is its JSON plus a 12-byte IV and a 16-byte tag.
    expect(sealedBytes('profile')).toBe(new TextEncoder().encode(JSON.stringify(PROFILE)).byteLength + 12 + 16);

    await store.setPassphrase(PASSPHRASE);
    const meta = (await store.footprint())[0]!;
    const verifier = keyMaterial(await readRawDatabase(device.person)).verifier;
    expect(meta).toEqual({ store: 'meta', records: 1, bytes: 16 + (isSealedRecord(verifier) ? 12 + verifier.ciphertext.byteLength : 0), encrypted: false });
    await store.close();
  });
});

describe('IndexedDB persistence, all or nothing', () => {
  it('leaves the person as it was when a replacement fails part-way', async () => {
    const device = await deviceWithPerson();
    const store = device.open();
    let adds = 0;
    failWrites('add', () => (adds += 1) === 2);
    const replacement: RecordedEvent[] = [
      { productId: 'a', kind: 'view', at: 1 },
      { productId: 'b', kind: 'view', at: 2 },
    ];
    await expect(store.replacePerson({ profile: null, events: replacement, settings: { retentionDays: null } })).rejects.toThrow('Simulated write failure');
    vi.restoreAllMocks();

    expect(await store.loadPerson()).toEqual({ profile: PROFILE, events: EVENTS, settings: { retentionDays: 365 } });
    await store.close();
  });

  it('keeps the old key and every record when a new passphrase fails to be written', async () => {
    const device = await deviceWithPerson();
    const before = databaseText(await readRawDatabase(device.person));
    const store = device.open();
    // The key material goes last: every record was already requested in the same transaction.
    failWrites('put', (objectStore) => objectStore.name === 'meta');
    await expect(store.setPassphrase(PASSPHRASE)).rejects.toThrow('Simulated write failure');
    vi.restoreAllMocks();

    expect(databaseText(await readRawDatabase(device.person))).toBe(before);
    expect(await store.keyStatus()).toEqual({ protection: 'device', locked: false });
    expect((await store.loadPerson()).events).toEqual(EVENTS);
    await store.close();
  });
});

describe('IndexedDB persistence in two tabs', () => {
  it('never writes under a key another tab replaced: locked until unlocked, then back on the new device key', async () => {
    const device = await deviceWithPerson();
    const tabA = device.open();
    const tabB = device.open();
    await tabA.loadPerson();

    await tabB.setPassphrase(PASSPHRASE);
    await expect(tabA.appendEvent({ productId: 'x', kind: 'view', at: 4_000 })).rejects.toBeInstanceOf(StorageLockedError);
    expect(await tabA.keyStatus()).toEqual({ protection: 'passphrase', locked: true });
    await tabA.unlock(PASSPHRASE);
    await tabA.appendEvent({ productId: 'x', kind: 'view', at: 4_000 });

    await tabB.setPassphrase(null);
    // Tab A held the passphrase key: it finds the new device key and writes under it.
    await tabA.appendEvent({ productId: 'y', kind: 'view', at: 5_000 });
    expect((await tabB.loadPerson()).events.map((event) => event.productId)).toEqual([...EVENTS.map((event) => event.productId), 'x', 'y']);
    await Promise.all([tabA.close(), tabB.close()]);
  });

  it('seals again an event another tab wrote while the passphrase was being set', async () => {
    const device = await deviceWithPerson();
    const tabA = device.open();
    const tabB = device.open();
    await tabA.loadPerson();
    const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
    let interleaved = false;
    vi.spyOn(crypto.subtle, 'encrypt').mockImplementation(async (...args: Parameters<SubtleCrypto['encrypt']>) => {
      if (!interleaved) {
        // Tab B has read the records and is sealing them under the new key: tab A appends now.
        interleaved = true;
        await tabA.appendEvent({ productId: 'meanwhile', kind: 'click', at: 4_000 });
      }
      return encrypt(...args);
    });
    await tabB.setPassphrase(PASSPHRASE);
    vi.restoreAllMocks();

    expect(interleaved).toBe(true);
    const restarted = device.open();
    await restarted.unlock(PASSPHRASE);
    expect((await restarted.loadPerson()).events.map((event) => event.productId)).toEqual([...EVENTS.map((event) => event.productId), 'meanwhile']);
    await Promise.all([tabA.close(), tabB.close(), restarted.close()]);
  });
});

describe('IndexedDB persistence, erase', () => {
  it('deletes both databases and makes a new key on the next call', async () => {
    const device = await deviceWithPerson();
    const store = device.open();
    await store.saveCatalogEmbeddings({ key: 'k', dim: 1, rows: new Float32Array([1]) });
    const oldKeyId = keyMaterial(await readRawDatabase(device.person)).keyId;

    await store.erase();
    expect(await databaseExists(device.person)).toBe(false);
    expect(await databaseExists(device.cache)).toBe(false);

    await store.appendEvent(EVENTS[0]!);
    const raw = await readRawDatabase(device.person);
    expect(keyMaterial(raw).keyId).not.toBe(oldKeyId);
    expect(records(raw, 'events')).toHaveLength(1);
    await store.close();
  });

  it('waits for another tab of the app, which lets go of the databases', async () => {
    const device = await deviceWithPerson();
    const otherTab = device.open();
    await otherTab.loadPerson();
    const store = device.open();
    await store.erase();
    expect(await databaseExists(device.person)).toBe(false);
    // The other tab reopens a new, empty database on its next call.
    expect((await otherTab.loadPerson()).events).toEqual([]);
    await Promise.all([otherTab.close(), store.close()]);
  });

  it('says so when another program keeps the database open, and finishes once it closes', async () => {
    const device = await deviceWithPerson();
    // A connection that, unlike the app's, ignores `versionchange`.
    const stubborn = await openDB(device.person);
    const store = device.open();
    await expect(store.erase()).rejects.toBeInstanceOf(EraseBlockedError);
    expect(await databaseExists(device.person)).toBe(true);
    stubborn.close();
    await vi.waitFor(async () => {
      expect(await databaseExists(device.person)).toBe(false);
    });
    await store.close();
  });
});
