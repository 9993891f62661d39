/** The dataset as CSV files in the project's dataset format (see docs/simulator.md, "Output"). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Product } from '../../src/engine/catalog';
import { type Persona, type SimulatedDataset, SIMULATION_WINDOW } from './types';

type Cell = string | number;

function toCsv(fields: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${Papa.unparse({ fields: [...fields], data: rows.map((row) => [...row]) }, { newline: '\n' })}\n`;
}

export function interactionsCsv(dataset: SimulatedDataset): string {
  return toCsv(
    ['user_id', 'item_id', 'timestamp', 'event'],
    dataset.interactions.map((event) => [event.userId, event.itemId, event.timestamp, event.event]),
  );
}

/** `text` is what text encoders read; the other columns flatten the catalog fields (empty where a field is null). */
export function itemsCsv(products: readonly Product[]): string {
  return toCsv(
    [
      'item_id', 'text', 'name', 'category', 'risk_level', 'rate_type', 'return_min', 'return_max', 'term_months',
      'lockup_months', 'min_amount', 'fee_pct', 'upfront_fee_pct', 'annual_fee', 'liquidity', 'currency', 'goals',
    ],
    products.map((product) => [
      product.id,
      `${product.name}. ${product.description}`,
      product.name,
      product.category,
      product.risk_level,
      product.annual_rate?.type ?? '',
      product.annual_rate?.min_pct ?? '',
      product.annual_rate?.max_pct ?? '',
      product.term_months ?? '',
      product.lockup_months,
      product.min_amount,
      product.fees.annual_pct,
      product.fees.upfront_pct,
      product.fees.annual_fixed,
      product.liquidity,
      product.currency,
      product.goals.join(';'),
    ]),
  );
}

export function usersCsv(users: readonly Persona[]): string {
  return toCsv(
    ['user_id', 'age', 'income_band', 'risk_tolerance', 'horizon_years', 'goals', 'liquidity_need', 'literacy', 'goals_text'],
    users.map((user) => [
      user.userId,
      user.age,
      user.incomeBand,
      user.riskTolerance,
      user.horizonYears,
      user.goals.join(';'),
      user.liquidityNeed,
      user.literacy,
      user.goalsText,
    ]),
  );
}

/** Every user × item pair, rounded to 4 decimals (finer digits are below the model's meaning). */
export function utilitiesCsv(dataset: SimulatedDataset): string {
  const rows: Cell[][] = [];
  const itemCount = dataset.products.length;
  dataset.users.forEach((user, u) => {
    dataset.products.forEach((product, i) => {
      rows.push([user.userId, product.id, dataset.utilities[u * itemCount + i]!.toFixed(4)]);
    });
  });
  return toCsv(['user_id', 'item_id', 'utility'], rows);
}

/** What the dataset is and where it came from, with the catalog's notice. */
export function metadataJson(dataset: SimulatedDataset): string {
  const metadata = {
    notice: dataset.notice,
    generator: 'tools/simulate.ts (model: docs/simulator.md)',
    seed: dataset.seed,
    users: dataset.users.length,
    items: dataset.products.length,
    interactions: dataset.interactions.length,
    window: {
      start: new Date(SIMULATION_WINDOW.start * 1000).toISOString(),
      end_exclusive: new Date(SIMULATION_WINDOW.end * 1000).toISOString(),
    },
  };
  return `${JSON.stringify(metadata, null, 2)}\n`;
}

/** Writes interactions.csv, items.csv, users.csv, utilities.csv and meta.json into `dir` (created if missing). */
export async function writeDataset(dir: string, dataset: SimulatedDataset): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all([
    writeFile(join(dir, 'interactions.csv'), interactionsCsv(dataset)),
    writeFile(join(dir, 'items.csv'), itemsCsv(dataset.products)),
    writeFile(join(dir, 'users.csv'), usersCsv(dataset.users)),
    writeFile(join(dir, 'utilities.csv'), utilitiesCsv(dataset)),
    writeFile(join(dir, 'meta.json'), metadataJson(dataset)),
  ]);
}
