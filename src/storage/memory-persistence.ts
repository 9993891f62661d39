import type { ProfileInput, RecordedEvent } from '../protocol/engine-api';
import type { CatalogEmbeddingsRecord, PersonPersistence, StoredPerson } from './person-persistence';

/**
 * Persistence held in memory for as long as the object lives: what Node tools and tests give the
 * engine, and what two engines share to act as "the same device". Values are copied in and out,
 * as IndexedDB's structured clone does, so callers cannot change what is stored by accident.
 */
export function createMemoryPersistence(): PersonPersistence {
  let profile: ProfileInput | null = null;
  const events: RecordedEvent[] = [];
  let embeddings: CatalogEmbeddingsRecord | undefined;

  return {
    loadPerson(): Promise<StoredPerson> {
      return Promise.resolve({ profile: profile && structuredClone(profile), events: structuredClone(events) });
    },
    saveProfile(next) {
      profile = structuredClone(next);
      return Promise.resolve();
    },
    appendEvent(event) {
      events.push(structuredClone(event));
      return Promise.resolve();
    },
    loadCatalogEmbeddings(key) {
      return Promise.resolve(embeddings?.key === key ? structuredClone(embeddings) : undefined);
    },
    saveCatalogEmbeddings(record) {
      embeddings = structuredClone(record);
      return Promise.resolve();
    },
    close() {
      return Promise.resolve();
    },
  };
}
