import { join } from 'node:path';
import type { Catalog } from '../../src/engine/catalog';
import type { AppEngineApi, ProfileInput } from '../../src/protocol/engine-api';
import { createMemoryPersistence } from '../../src/storage/memory-persistence';
import type { PersonPersistence } from '../../src/storage/person-persistence';
import { createInProcessEngine } from '../../src/worker/in-process-engine';
import { fileAssetSource } from '../../tools/lib/file-assets';
import { loadCatalogFile } from '../../tools/simulator';
import { ensureModels, repoRoot } from './models';

export function loadShippedCatalog(): Promise<Catalog> {
  return loadCatalogFile(join(repoRoot, 'data', 'catalog', 'products.json'));
}

/**
 * A new person's storage on a device that already holds `device`'s catalog embeddings: their own
 * profile and events, the device's cache. Lets a test start several people while encoding the
 * catalog (seconds on WASM) once.
 */
export function newPersonOn(device: PersonPersistence): PersonPersistence {
  const own = createMemoryPersistence();
  return {
    ...own,
    loadCatalogEmbeddings: (key) => device.loadCatalogEmbeddings(key),
    saveCatalogEmbeddings: (record) => device.saveCatalogEmbeddings(record),
  };
}

/**
 * `storage` whose first `loadPerson` is read at once but answered only on `release()`, so that a
 * test can act between the engine's read and its use; `started` resolves when the read is made.
 */
export function heldRead(storage: PersonPersistence): { persistence: PersonPersistence; started: Promise<void>; release: () => void } {
  let markStarted = (): void => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const persistence: PersonPersistence = {
    ...storage,
    loadPerson: async () => {
      const read = await storage.loadPerson();
      markStarted();
      await released;
      return read;
    },
  };
  return { persistence, started, release };
}

/** A clock in Unix milliseconds that moves 37 minutes per reading, so events have distinct times. */
export function steppingClock(start = Date.UTC(2026, 0, 5)): () => number {
  let time = start;
  return () => (time += 37 * 60_000);
}

/** The in-process engine on the shipped models and catalog (not yet initialised). */
export async function shippedEngine(catalog: Catalog, persistence: PersonPersistence, now = steppingClock()): Promise<AppEngineApi> {
  return createInProcessEngine({ assets: fileAssetSource(await ensureModels()), catalog, persistence, now });
}

/** A cautious person (R2) whose goals are about keeping savings safe. */
export const R2_PROFILE: ProfileInput = {
  riskLevel: 2,
  horizonYears: 10,
  age: 38,
  goalsText: 'I want to keep my savings safe and grow them a little.',
  answers: { horizon: '5-10', losses: 'small' },
};

/** Ten suggestions, a little variety, no riskier list. */
export const OPTIONS = { limit: 10, diversity: 0.3, includeAboveRisk: false } as const;
