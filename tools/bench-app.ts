/**
 * `npm run bench:app [-- --json] [--backends wasm,cpu] [--events 40]`
 *
 * The customer app's engine as the worker runs it (the in-process EngineApi on the shipped models
 * and catalog, in Node): start-up time per stage with an empty device and again with the catalog's
 * embeddings cached, then the latency a person waits for after each interaction (recordEvent, then
 * recommend: the For-you refresh) over a scripted session of varied events, semantic search, and
 * advisor mode (a switch to a persona and back, each with the For-you list that follows; two
 * personas' lists for the side-by-side comparison).
 * Progress goes to stderr; with --json, stdout is one JSON object.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PERSONA_IDS, type AppEngineApi, type BackendName, type ProductEventKind, type StageTiming } from '../src/protocol/engine-api';
import { createMemoryPersistence } from '../src/storage/memory-persistence';
import { createInProcessEngine } from '../src/worker/in-process-engine';
import { PERSONAS } from '../src/worker/personas';
import { fileAssetSource } from './lib/file-assets';
import { percentile } from './lib/percentile';
import { loadCatalogFile } from './simulator';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    backends: { type: 'string', default: 'wasm,cpu' },
    events: { type: 'string', default: '40' },
  },
});
const progress = (line: string) => console.error(line);
const EVENT_KINDS: readonly ProductEventKind[] = ['click', 'view', 'favourite', 'compare', 'click', 'not_interested', 'view', 'apply', 'unfavourite'];
const QUERIES = ['somewhere safe for my emergency money', 'loan to buy a house', 'credit card with cashback', 'pension for a self-employed person'];
const OPTIONS = { limit: 10, diversity: 0.3, includeAboveRisk: false };

function summary(ms: readonly number[]): { p50: number | null; p95: number | null } {
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const catalog = await loadCatalogFile(join(root, 'data', 'catalog', 'products.json'));
const assets = fileAssetSource(join(root, 'public', 'models'));
const eventCount = Number(values.events);
const results = [];

for (const backend of values.backends.split(',') as BackendName[]) {
  const device = createMemoryPersistence();
  const start = async (): Promise<[AppEngineApi, readonly StageTiming[], number]> => {
    const engine = createInProcessEngine({ assets, catalog, persistence: device, personas: PERSONAS });
    const [init, ms] = await timed(() => engine.init({ backend }));
    return [engine, init.timings, ms];
  };
  progress(`${backend}: first start (catalog encoded on the device)`);
  const [first, coldTimings, coldMs] = await start();
  await first.dispose();
  progress(`${backend}: second start (catalog embeddings cached)`);
  const [engine, warmTimings, warmMs] = await start();
  await engine.setProfile({ riskLevel: 3, horizonYears: 7, age: 38, goalsText: 'Save for a home, then grow my pension.', answers: {} });
  const refreshMs: number[] = [];
  const engineMs: number[] = [];
  for (let step = 0; step < eventCount; step++) {
    const product = catalog.products[(step * 37) % catalog.products.length];
    const kind = EVENT_KINDS[step % EVENT_KINDS.length];
    if (!product || !kind) continue;
    const [recommendations, ms] = await timed(async () => {
      await engine.recordEvent({ productId: product.id, kind, ...(kind === 'view' ? { dwellMs: 4000 } : {}) });
      return engine.recommend(OPTIONS);
    });
    refreshMs.push(ms);
    engineMs.push(recommendations.elapsedMs);
  }
  const searchMs: number[] = [];
  for (const query of QUERIES) searchMs.push((await timed(() => engine.search(query, 10)))[1]);
  const switchMs: number[] = [];
  const compareMs: number[] = [];
  for (const [index, id] of PERSONA_IDS.entries()) {
    for (const target of [{ kind: 'persona', id } as const, { kind: 'owner' } as const]) {
      const [, ms] = await timed(async () => {
        await engine.switchPerson(target);
        return engine.recommend(OPTIONS);
      });
      switchMs.push(ms);
    }
    const other = PERSONA_IDS[(index + 1) % PERSONA_IDS.length] ?? id;
    compareMs.push((await timed(() => Promise.all([engine.recommendFor(id, OPTIONS), engine.recommendFor(other, OPTIONS)])))[1]);
  }
  await engine.dispose();
  const row = {
    backend,
    start_ms_empty_device: Math.round(coldMs),
    start_ms_cached_catalog: Math.round(warmMs),
    stages_empty_device: coldTimings,
    stages_cached_catalog: warmTimings,
    events: refreshMs.length,
    refresh_ms: summary(refreshMs),
    recommend_elapsed_ms: summary(engineMs),
    search_ms: summary(searchMs),
    advisor_switch_ms: summary(switchMs),
    advisor_compare_ms: summary(compareMs),
  };
  progress(JSON.stringify(row));
  results.push(row);
}

if (values.json) console.log(JSON.stringify({ node: process.version, results }, null, 2));
else for (const row of results) console.log(`${row.backend}: start ${row.start_ms_empty_device} ms (empty device), ${row.start_ms_cached_catalog} ms (cached catalog); refresh p50 ${row.refresh_ms.p50} ms, p95 ${row.refresh_ms.p95} ms; search p50 ${row.search_ms.p50} ms; advisor switch + list p50 ${row.advisor_switch_ms.p50} ms, compare p50 ${row.advisor_compare_ms.p50} ms`);
