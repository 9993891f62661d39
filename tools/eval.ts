/**
 * `npm run eval -- --dataset demo|movielens-100k|<dir> [--models a,b] [--k 10,20] [--seed 1] [--cold-start] [--json]`
 *
 * Evaluates recommenders under the protocol of docs/evaluation.md. Prints a table per K, or with
 * --json one JSON object; progress goes to stderr either way. --cold-start adds the cold-start and
 * few-shot protocol (tools/eval/cold-start.ts): a table, or the `cold_start` key of the JSON.
 */
import { parseArgs } from 'node:util';
import { coldStartRandomExpectation, coldStartReport, COLD_START_K, evaluateColdStart, prepareColdStart, type ColdStart, type ColdStartResult, type FewShotRow } from './eval/cold-start';
import { DatasetFormatError } from './eval/csv';
import { embedItemTexts, embedUserProfiles } from './eval/embeddings';
import { describeProtocol, evaluateModel, ModelOutputError, prepareEvaluation, randomExpectation, type MetricRecord, type ModelResult } from './eval/evaluate';
import { METRIC_NAMES } from './eval/metrics';
import { loadDataset } from './eval/load';
import { createModel, MODEL_NAMES } from './eval/registry';


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
      'cold-start': { type: 'boolean', default: false },
    },
  });
  if (!values.dataset) throw new UsageError('Name a dataset: --dataset demo, --dataset movielens-100k or --dataset <directory>.');
  const models = values.models.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = models.filter((name) => !MODEL_NAMES.includes(name));
  if (models.length === 0 || unknown.length > 0) throw new UsageError(`Unknown model ${unknown.join(', ') || '(none given)'}; choose from ${MODEL_NAMES.join(', ')}.`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed takes a non-negative integer, got "${values.seed}".`);
  return { dataset: values.dataset, models, ks: parsePositiveIntegers(values.k, '--k'), seed, json: values.json, coldStart: values['cold-start'] };
}


function format(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(4);
}

/** Prints a titled table: the first column left-aligned, the others right-aligned. */
function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((text, column) => Math.max(text.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    widths.map((width, column) => (column === 0 ? (cells[column] ?? '').padEnd(width) : (cells[column] ?? '').padStart(width))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(line(widths.map((width) => '-'.repeat(width))));
  for (const row of rows) console.log(line(row));
}

function printTables(results: readonly ModelResult[], expected: MetricRecord, ks: readonly number[]): void {
  const metrics = METRIC_NAMES.filter((name) => results.some((result) => `${name}@${ks[0]}` in result.metrics));
  for (const k of ks) {
    const rows = results.map((result) => [
      result.name,
      ...metrics.map((name) => format(result.metrics[`${name}@${k}`])),
      (result.fitMs / 1000).toFixed(1),
      (result.rankMs / 1000).toFixed(1),
    ]);
    rows.push(['random (expected)', ...metrics.map((name) => format(expected[`${name}@${k}`])), '', '']);
    printTable(`K = ${k}`, ['model', ...metrics, 'fit s', 'rank s'], rows);
  }
  const configured = results.filter((result) => result.config !== undefined);
  if (configured.length > 0) console.log('');
  for (const result of configured) console.log(`${result.name}: ${result.config ?? ''}`);
}

/** One row per model and event count, then a line for each model without `scoreNewUser`. */
function printColdStart(coldStart: ColdStart, results: readonly ColdStartResult[]): void {
  const fewShotRows = (name: string, rows: readonly FewShotRow[], fitMs?: number): string[][] =>
    rows.map((row, index) => [
      name, String(row.events), String(row.users), String(row.leftOut), row.meanPositives === null ? '—' : row.meanPositives.toFixed(2),
      format(row.ndcg), format(row.recall),
      index === 0 && fitMs !== undefined ? (fitMs / 1000).toFixed(1) : '',
    ]);
  const rows = results.flatMap((result) => (result.applicable ? fewShotRows(result.name, result.rows, result.fitMs) : []));
  rows.push(...fewShotRows('random (expected)', coldStartRandomExpectation(coldStart)));
  const title = `Cold start and few-shot: ${coldStart.users.length} cold users (of ${coldStart.evaluatedUsers} evaluated), given their first n training-period events${coldStart.hasProfiles ? ' and their profile' : ''}`;
  printTable(title, ['model', 'n events', 'users', 'left out', 'positives', `ndcg@${COLD_START_K}`, `recall@${COLD_START_K}`, 'fit s'], rows);
  for (const result of results) if (!result.applicable) console.log(`${result.name}: not applicable (${result.reason})`);
}

async function main(): Promise<void> {
  const options = parseOptions();
  const log = (line: string): void => console.error(line);
  const started = performance.now();
  const dataset = await loadDataset(options.dataset, log);
  log(`dataset ${dataset.name}: ${dataset.userIds.length} users, ${dataset.itemIds.length} items, ${dataset.interactions.length} interactions`);
  const embeddings = await embedItemTexts(dataset.itemTexts, log);
  const profiles = dataset.userProfiles ? await embedUserProfiles(dataset.userProfiles, log) : undefined;
  const evaluation = prepareEvaluation(dataset, embeddings, options.seed, profiles);
  log(`split: ${evaluation.split.evaluatedUsers.length} users evaluated`);

  const results: ModelResult[] = [];
  for (const name of options.models) {
    log(`${name}: fitting and ranking…`);
    const result = await evaluateModel(createModel(name), evaluation, options.ks);
    log(`${name}: fit ${(result.fitMs / 1000).toFixed(1)} s, ranking ${(result.rankMs / 1000).toFixed(1)} s`);
    results.push(result);
  }
  const expected = randomExpectation(evaluation, options.ks);

  const coldStart = options.coldStart ? prepareColdStart(evaluation) : undefined;
  const coldResults: ColdStartResult[] = [];
  if (coldStart) {
    log(`cold start: ${coldStart.users.length} of ${coldStart.evaluatedUsers} evaluated users held out of training`);
    for (const name of options.models) {
      const result = await evaluateColdStart(createModel(name), coldStart);
      log(`${name} (cold start): ${result.applicable ? `fit ${(result.fitMs / 1000).toFixed(1)} s, scoring ${(result.scoreMs / 1000).toFixed(1)} s` : 'not applicable (no scoreNewUser)'}`);
      coldResults.push(result);
    }
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  if (!options.json) {
    printTables(results, expected, options.ks);
    if (coldStart) printColdStart(coldStart, coldResults);
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
    ...(coldStart ? { cold_start: coldStartReport(coldStart, coldResults) } : {}),
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
