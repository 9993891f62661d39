/**
 * `npm run eval -- --dataset demo|movielens-100k|<dir> [--models a,b] [--k 10,20] [--seed 1] [--json]`
 *
 * Evaluates recommenders under the protocol of docs/evaluation.md. Prints a table per K, or with
 * --json one JSON object; progress goes to stderr either way.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatasetFormatError } from './eval/csv';
import { readDatasetDir, type Dataset } from './eval/dataset';
import { ensureDemoDataset } from './eval/demo';
import { embedItemTexts } from './eval/embeddings';
import { describeProtocol, evaluateModel, ModelOutputError, prepareEvaluation, randomExpectation, type MetricRecord, type ModelResult } from './eval/evaluate';
import { METRIC_NAMES } from './eval/metrics';
import { readMovieLens } from './eval/movielens';
import { createModel, MODEL_NAMES } from './eval/registry';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MOVIELENS_DIR = resolve(repoRoot, '..', 'shared', 'datasets', 'movielens-100k');

class UsageError extends Error {}

function parsePositiveIntegers(text: string, flag: string): number[] {
  const values = text.split(',').map((part) => part.trim());
  if (values.some((value) => !/^[1-9]\d*$/.test(value))) throw new UsageError(`${flag} takes positive integers separated by commas, got "${text}".`);
  return [...new Set(values.map(Number))].sort((a, b) => a - b);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      dataset: { type: 'string' },
      models: { type: 'string', default: MODEL_NAMES.join(',') },
      k: { type: 'string', default: '10,20' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.dataset) throw new UsageError('Name a dataset: --dataset demo, --dataset movielens-100k or --dataset <directory>.');
  const models = values.models.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = models.filter((name) => !MODEL_NAMES.includes(name));
  if (models.length === 0 || unknown.length > 0) throw new UsageError(`Unknown model ${unknown.join(', ') || '(none given)'}; choose from ${MODEL_NAMES.join(', ')}.`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed takes a non-negative integer, got "${values.seed}".`);
  return { dataset: values.dataset, models, ks: parsePositiveIntegers(values.k, '--k'), seed, json: values.json };
}

async function loadDataset(name: string, log: (line: string) => void): Promise<Dataset> {
  if (name === 'movielens-100k') return readMovieLens(MOVIELENS_DIR);
  if (name === 'demo') return readDatasetDir(await ensureDemoDataset(log), 'demo');
  return readDatasetDir(resolve(name));
}

function format(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(4);
}

function printTables(results: readonly ModelResult[], expected: MetricRecord, ks: readonly number[]): void {
  const metrics = METRIC_NAMES.filter((name) => results.some((result) => `${name}@${ks[0]}` in result.metrics));
  const header = ['model', ...metrics, 'fit s', 'rank s'];
  for (const k of ks) {
    const rows = results.map((result) => [
      result.name,
      ...metrics.map((name) => format(result.metrics[`${name}@${k}`])),
      (result.fitMs / 1000).toFixed(1),
      (result.rankMs / 1000).toFixed(1),
    ]);
    rows.push(['random (expected)', ...metrics.map((name) => format(expected[`${name}@${k}`])), '', '']);
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const line = (cells: readonly string[]): string => cells.map((text, column) => (column === 0 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ');
    console.log(`\nK = ${k}`);
    console.log(line(header));
    console.log(line(widths.map((width) => '-'.repeat(width))));
    for (const row of rows) console.log(line(row));
  }
  const configured = results.filter((result) => result.config !== undefined);
  if (configured.length > 0) console.log('');
  for (const result of configured) console.log(`${result.name}: ${result.config ?? ''}`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const log = (line: string): void => console.error(line);
  const started = performance.now();
  const dataset = await loadDataset(options.dataset, log);
  log(`dataset ${dataset.name}: ${dataset.userIds.length} users, ${dataset.itemIds.length} items, ${dataset.interactions.length} interactions`);
  const embeddings = await embedItemTexts(dataset.itemTexts, log);
  const evaluation = prepareEvaluation(dataset, embeddings, options.seed);
  log(`split: ${evaluation.split.evaluatedUsers.length} users evaluated`);

  const results: ModelResult[] = [];
  for (const name of options.models) {
    log(`${name}: fitting and ranking…`);
    const result = await evaluateModel(createModel(name), evaluation, options.ks);
    log(`${name}: fit ${(result.fitMs / 1000).toFixed(1)} s, ranking ${(result.rankMs / 1000).toFixed(1)} s`);
    results.push(result);
  }
  const expected = randomExpectation(evaluation, options.ks);
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  if (!options.json) {
    printTables(results, expected, options.ks);
    return;
  }
  const report = {
    dataset: dataset.name,
    users: dataset.userIds.length,
    items: dataset.itemIds.length,
    protocol: describeProtocol(evaluation, options.ks, options.seed),
    models: Object.fromEntries(results.map((result) => [result.name, result.metrics])),
    random_expected: expected,
    configs: Object.fromEntries(results.flatMap((result) => (result.config === undefined ? [] : [[result.name, result.config]]))),
    seconds: Object.fromEntries(results.map((result) => [result.name, { fit: Math.round(result.fitMs) / 1000, rank: Math.round(result.rankMs) / 1000 }])),
  };
  console.log(JSON.stringify(report, null, 2));
}

try {
  await main();
} catch (error) {
  // Errors that explain themselves get their message alone; anything else keeps its stack trace.
  const explained = error instanceof UsageError || error instanceof DatasetFormatError || error instanceof ModelOutputError;
  console.error(explained ? `eval: ${error.message}` : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
