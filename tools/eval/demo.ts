/**
 * The `demo` dataset: 2,000 simulated customers (seed 1) on the product catalog, written in the
 * dataset format to `.cache/datasets/demo/` on first use and read back like any other directory.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CATALOG_PATH, loadCatalogFile, simulate, writeDataset } from '../simulator';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_DIR = join(repoRoot, '.cache', 'datasets', 'demo');
export const DEMO_USERS = 2000;
export const DEMO_SEED = 1;
const SIMULATOR_DIR = join(repoRoot, 'tools', 'simulator');
const STAMP = 'source.sha256';

/**
 * Digest of everything the dataset depends on (catalog, simulator code, size and seed), so that a
 * changed catalog or simulator regenerates it instead of silently evaluating stale data.
 */
async function sourceDigest(): Promise<string> {
  const hash = createHash('sha256').update(`users=${DEMO_USERS} seed=${DEMO_SEED}\n`);
  hash.update(await readFile(join(repoRoot, DEFAULT_CATALOG_PATH)));
  for (const file of (await readdir(SIMULATOR_DIR)).filter((name) => name.endsWith('.ts')).sort()) {
    hash.update(`\0${file}\0`).update(await readFile(join(SIMULATOR_DIR, file)));
  }
  return hash.digest('hex');
}

/** The demo dataset's directory, simulating it first when missing or out of date. */
export async function ensureDemoDataset(log: (line: string) => void): Promise<string> {
  const digest = await sourceDigest();
  const stamp = await readFile(join(DEMO_DIR, STAMP), 'utf8').catch(() => '');
  if (stamp.trim() === digest) return DEMO_DIR;

  log(`demo: simulating ${DEMO_USERS} users (seed ${DEMO_SEED}) into ${DEMO_DIR}`);
  const started = performance.now();
  const dataset = simulate({ users: DEMO_USERS, seed: DEMO_SEED, catalog: await loadCatalogFile(join(repoRoot, DEFAULT_CATALOG_PATH)) });
  // Written beside the target and swapped in whole, so an interrupted run never leaves half a dataset.
  const staging = `${DEMO_DIR}.tmp`;
  await rm(staging, { recursive: true, force: true });
  await writeDataset(staging, dataset);
  await writeFile(join(staging, STAMP), `${digest}\n`);
  await rm(DEMO_DIR, { recursive: true, force: true });
  await rename(staging, DEMO_DIR);
  log(`demo: ${dataset.interactions.length} interactions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return DEMO_DIR;
}
