import type { Page } from '@playwright/test';

/** Everything this origin keeps in one place, as text an auditor can search. */
export interface StoredText {
  /** Database name → every record of every store, raw as the browser returns it. */
  readonly indexedDb: Readonly<Record<string, string>>;
  /** Cache name → every cached URL and body. */
  readonly caches: Readonly<Record<string, string>>;
  readonly localStorage: string;
  readonly sessionStorage: string;
}

/**
 * Reads every IndexedDB record, every Cache Storage entry and local and session storage of the
 * page's origin, without the app's code: records as stored (ciphertext stays ciphertext), byte
 * arrays decoded both as UTF-8 and byte by byte, so plaintext anywhere inside would show.
 */
export function readStoredText(page: Page): Promise<StoredText> {
  return page.evaluate(async () => {
    const bytesAsText = (bytes: Uint8Array) => `${new TextDecoder().decode(bytes)} ${Array.from(bytes, (byte) => String.fromCharCode(byte)).join('')}`;
    const asText = (value: unknown): string => {
      if (value instanceof ArrayBuffer) return bytesAsText(new Uint8Array(value));
      if (ArrayBuffer.isView(value)) return bytesAsText(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (typeof value === 'string') return value;
      if (typeof value !== 'object' || value === null) return String(value);
      return Object.entries(value).map(([key, inner]) => `${key}: ${asText(inner)}`).join('\n');
    };
    const request = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
      });

    const indexedDb: Record<string, string> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await request(indexedDB.open(name));
      const parts: string[] = [];
      for (const store of Array.from(db.objectStoreNames)) {
        const records = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
        parts.push(`[${store}]`, ...records.map(asText));
      }
      db.close();
      indexedDb[name] = parts.join('\n');
    }

    const cached: Record<string, string> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const parts: string[] = [];
      for (const key of await cache.keys()) {
        const response = await cache.match(key);
        parts.push(key.url, response ? bytesAsText(new Uint8Array(await response.arrayBuffer())) : '');
      }
      cached[name] = parts.join('\n');
    }

    const storageText = (storage: Storage) => Object.entries(storage).map(([key, value]) => `${key}=${value}`).join('\n');
    return { indexedDb, caches: cached, localStorage: storageText(localStorage), sessionStorage: storageText(sessionStorage) };
  });
}
