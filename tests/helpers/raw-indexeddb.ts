import { openDB } from 'idb';
import { vi } from 'vitest';

/** One record as IndexedDB holds it. */
export interface RawRecord {
  readonly key: IDBValidKey;
  readonly value: unknown;
}

/** A database as stored: its version and every store's records, read with plain `idb` (no app code). */
export interface RawDatabase {
  readonly version: number;
  readonly stores: ReadonlyMap<string, readonly RawRecord[]>;
}

/** Whether database `name` exists (opening one that does not would create it). */
export async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((database) => database.name === name);
}

/** Every record of database `name`; fails if it does not exist. */
export async function readRawDatabase(name: string): Promise<RawDatabase> {
  if (!(await databaseExists(name))) throw new Error(`No database ${name}`);
  const db = await openDB(name);
  try {
    const stores = new Map<string, RawRecord[]>();
    for (const store of Array.from(db.objectStoreNames)) {
      const tx = db.transaction(store);
      const [keys, values]: [IDBValidKey[], unknown[]] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      stores.set(store, keys.map((key, index) => ({ key, value: values[index] })));
    }
    return { version: db.version, stores };
  } finally {
    db.close();
  }
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/**
 * Everything readable in a stored value as one string: its strings and keys, and its binary data
 * decoded both as UTF-8 and byte by byte, so that a plaintext anywhere in it would show.
 */
export function storedText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof ArrayBuffer) return `${utf8.decode(value)}\n${latin1.decode(value)}`;
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return `${utf8.decode(bytes)}\n${latin1.decode(bytes)}`;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).map(([key, inner]) => `${key}\n${storedText(inner)}`).join('\n');
  }
  return '';
}

/** All of a database's stored text (see `storedText`), store names and keys included. */
export function databaseText(database: RawDatabase): string {
  return [...database.stores].map(([store, records]) => `${store}\n${records.map((record) => `${storedText(record.key)}\n${storedText(record.value)}`).join('\n')}`).join('\n');
}

/** A sealed record's shape: a 12-byte IV and a ciphertext buffer, and nothing else. */
export function isSealedRecord(value: unknown): value is { iv: Uint8Array; ciphertext: ArrayBuffer } {
  if (typeof value !== 'object' || value === null) return false;
  const { iv, ciphertext, ...rest } = value as Record<string, unknown>;
  return iv instanceof Uint8Array && iv.byteLength === 12 && ciphertext instanceof ArrayBuffer && Object.keys(rest).length === 0;
}

/**
 * Makes `method` of every object store throw, as a failing disk would, where `fails` says so; the
 * real method runs otherwise. Undone by `vi.restoreAllMocks()`.
 */
export function failWrites(method: 'add' | 'put', fails: (objectStore: IDBObjectStore) => boolean): void {
  // Called below with the store as `this`, as the spied method would be.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const real = IDBObjectStore.prototype[method];
  vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (fails(this)) throw new DOMException('Simulated write failure', 'UnknownError');
    return real.apply(this, args);
  });
}
