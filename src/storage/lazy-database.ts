import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

/** One IndexedDB database, opened on first use and again after anything closed it. */
export interface LazyDatabase<Schema extends DBSchema> {
  /** The open connection: opens (and upgrades) the database on first use or after it was closed. */
  connection(): Promise<IDBPDatabase<Schema>>;
  /** Closes the connection, if any; the next `connection()` opens it again. */
  close(): Promise<void>;
}

/**
 * A database that opens on first use, so creating this never fails; a browser that refuses storage
 * makes that call reject, and the next call tries again. `prepare` runs once per connection before
 * anyone else gets it (work that needs more than the upgrade transaction, such as WebCrypto).
 */
export function lazyDatabase<Schema extends DBSchema>(
  name: string,
  version: number,
  upgrade: NonNullable<OpenDBCallbacks<Schema>['upgrade']>,
  prepare: (db: IDBPDatabase<Schema>) => Promise<void> = () => Promise.resolve(),
): LazyDatabase<Schema> {
  let opened: Promise<IDBPDatabase<Schema>> | undefined;

  const open = async (): Promise<IDBPDatabase<Schema>> => {
    const db = await openDB<Schema>(name, version, {
      upgrade,
      // Another tab wants a newer schema or to delete the database: step aside (the next call here reopens it).
      blocking(_current, _wanted, event) {
        (event.target as IDBDatabase | null)?.close();
        opened = undefined;
      },
      // The browser closed the connection itself (storage cleared, disk error): reopen on the next call.
      terminated() {
        opened = undefined;
      },
    });
    try {
      await prepare(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  };

  return {
    connection() {
      if (opened === undefined) {
        const attempt = open();
        opened = attempt;
        // A failed open is not kept: the next call tries again.
        attempt.catch(() => {
          if (opened === attempt) opened = undefined;
        });
      }
      return opened;
    },
    async close() {
      const pending = opened;
      opened = undefined;
      // A database that failed to open has nothing to close.
      (await pending?.catch(() => undefined))?.close();
    },
  };
}
