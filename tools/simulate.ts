/**
 * Simulates customers' behaviour on the product catalog and writes a dataset.
 *
 *   npm run simulate -- --users 2000 --seed 1 --out data/sim/demo [--catalog data/catalog/products.json]
 *
 * The model is documented in docs/simulator.md.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CATALOG_PATH, loadCatalogFile, simulate, summarizeDataset, writeDataset } from './simulator';

const USAGE = 'Usage: npm run simulate -- --users N --seed S --out DIR [--catalog PATH]';

function parseInteger(name: string, value: string | undefined, min: number): number {
  if (value === undefined) throw new Error(`--${name} is required.\n${USAGE}`);
  const number = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(number) || number < min) {
    throw new Error(`--${name} must be an integer ≥ ${min}, got "${value}".\n${USAGE}`);
  }
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      catalog: { type: 'string', default: DEFAULT_CATALOG_PATH },
    },
  });
  const users = parseInteger('users', values.users, 1);
  const seed = parseInteger('seed', values.seed, Number.MIN_SAFE_INTEGER);
  if (values.out === undefined) throw new Error(`--out is required.\n${USAGE}`);

  const started = performance.now();
  const catalog = await loadCatalogFile(values.catalog);
  const dataset = simulate({ users, seed, catalog });
  await writeDataset(values.out, dataset);
  const seconds = (performance.now() - started) / 1000;

  const summary = summarizeDataset(dataset);
  const total = dataset.interactions.length;
  const mix = Object.entries(summary.events)
    .map(([event, count]) => `${event} ${count} (${((100 * count) / total).toFixed(1)}%)`)
    .join(', ');
  const p = summary.positivesPerUser;
  console.log(`${catalog.notice}
Wrote ${values.out}: ${summary.users} users, ${summary.items} items, ${total} events in ${seconds.toFixed(1)} s.
Events: ${mix}.
Positives (distinct favourited or bought items) per user: min ${p.min}, p10 ${p.p10}, median ${p.median}, p90 ${p.p90}, max ${p.max}, mean ${p.mean.toFixed(1)}; ${summary.usersWithAtLeast5Positives} users (${((100 * summary.usersWithAtLeast5Positives) / summary.users).toFixed(1)}%) have at least 5.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
