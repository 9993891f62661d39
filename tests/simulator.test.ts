import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../src/engine/catalog';
import { INTERACTION_EVENTS } from '../src/engine/rank/recommender';
import {
  itemsCsv,
  loadCatalogFile,
  type SimulatedDataset,
  SIMULATION_WINDOW,
  simulate,
  summarizeDataset,
  usersCsv,
  writeDataset,
} from '../tools/simulator';

const USERS = 300;

function parseCsv(text: string): Record<string, string>[] {
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

let catalog: Catalog;
let dataset: SimulatedDataset;
let scratch: string;

beforeAll(async () => {
  catalog = await loadCatalogFile();
  dataset = simulate({ users: USERS, seed: 7, catalog });
  scratch = await mkdtemp(join(tmpdir(), 'simulator-test-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('simulate: determinism', () => {
  async function writtenFiles(seed: number, name: string): Promise<Map<string, Buffer>> {
    const dir = join(scratch, name);
    await writeDataset(dir, simulate({ users: 60, seed, catalog }));
    const files = new Map<string, Buffer>();
    for (const file of (await readdir(dir)).sort()) files.set(file, await readFile(join(dir, file)));
    return files;
  }

  it('writes byte-identical files for the same seed and different ones for another seed', async () => {
    const first = await writtenFiles(3, 'a');
    const again = await writtenFiles(3, 'b');
    const other = await writtenFiles(4, 'c');
    expect([...first.keys()]).toEqual(['interactions.csv', 'items.csv', 'meta.json', 'users.csv', 'utilities.csv']);
    for (const [file, bytes] of first) expect(bytes.equals(again.get(file)!), file).toBe(true);
    expect(first.get('interactions.csv')!.equals(other.get('interactions.csv')!)).toBe(false);
    expect(first.get('users.csv')!.equals(other.get('users.csv')!)).toBe(false);
  });

  it("gives each user the same data however many users are simulated", () => {
    const small = simulate({ users: 20, seed: 7, catalog });
    expect(small.users).toEqual(dataset.users.slice(0, 20));
    const smallUsers = new Set(small.users.map((user) => user.userId));
    expect(small.interactions).toEqual(dataset.interactions.filter((event) => smallUsers.has(event.userId)));
  });

  it('rejects a user count that is not a positive integer', () => {
    expect(() => simulate({ users: 0, seed: 1, catalog })).toThrow('users must be a positive integer, got 0.');
    expect(() => simulate({ users: 2.5, seed: 1, catalog })).toThrow(RangeError);
  });
});

describe('simulate: the files it writes', () => {
  it('references only known users, items and events, in the dataset format', async () => {
    const dir = join(scratch, 'format');
    await writeDataset(dir, dataset);
    const users = parseCsv(await readFile(join(dir, 'users.csv'), 'utf8'));
    const items = parseCsv(await readFile(join(dir, 'items.csv'), 'utf8'));
    const interactions = parseCsv(await readFile(join(dir, 'interactions.csv'), 'utf8'));
    const utilities = parseCsv(await readFile(join(dir, 'utilities.csv'), 'utf8'));

    expect(users).toHaveLength(USERS);
    expect(items).toHaveLength(catalog.products.length);
    expect(Object.keys(interactions[0]!)).toEqual(['user_id', 'item_id', 'timestamp', 'event']);
    expect(Object.keys(utilities[0]!)).toEqual(['user_id', 'item_id', 'utility']);
    for (const column of ['user_id', 'age', 'income_band', 'risk_tolerance', 'horizon_years', 'goals', 'liquidity_need', 'literacy', 'goals_text']) {
      expect(users[0]).toHaveProperty(column);
    }
    for (const column of ['item_id', 'text', 'category', 'risk_level', 'return_min', 'return_max', 'term_months', 'min_amount', 'fee_pct', 'liquidity', 'currency', 'goals']) {
      expect(items[0]).toHaveProperty(column);
    }

    const userIds = new Set(users.map((row) => row.user_id));
    const itemIds = new Set(items.map((row) => row.item_id));
    const levels = ['1', '2', '3', '4', '5'];
    expect(users.filter((row) => !levels.includes(row.risk_tolerance!))).toEqual([]);
    expect(items.filter((row) => !levels.includes(row.risk_level!))).toEqual([]);
    const events: readonly string[] = INTERACTION_EVENTS;
    expect(
      interactions.filter((row) => !userIds.has(row.user_id) || !itemIds.has(row.item_id) || !events.includes(row.event!)),
    ).toEqual([]);
    expect(utilities).toHaveLength(USERS * catalog.products.length);
    expect(utilities.filter((row) => !Number.isFinite(Number(row.utility)))).toEqual([]);
  });

  it('keeps timestamps inside 2025 and sorted by user, then time', () => {
    const order = new Map(dataset.users.map((user, index) => [user.userId, index]));
    const misplaced = dataset.interactions.filter((event, i) => {
      const previous = dataset.interactions[i - 1];
      const outside = !Number.isInteger(event.timestamp) || event.timestamp < SIMULATION_WINDOW.start || event.timestamp >= SIMULATION_WINDOW.end;
      if (outside || previous === undefined) return outside;
      if (previous.userId !== event.userId) return order.get(event.userId)! < order.get(previous.userId)!;
      return event.timestamp <= previous.timestamp;
    });
    expect(misplaced).toEqual([]);
  });

  it('round-trips commas, quotes and newlines through papaparse', () => {
    const product = { ...catalog.products[0]!, name: 'Saver, "Plus"', description: 'First line, with a comma.\nSecond "quoted" line.' };
    const [row] = parseCsv(itemsCsv([product]));
    expect(row!.name).toBe(product.name);
    expect(row!.text).toBe(`${product.name}. ${product.description}`);

    const persona = { ...dataset.users[0]!, goalsText: 'I want to buy a home, travel and\nretire "early".' };
    const [userRow] = parseCsv(usersCsv([persona]));
    expect(userRow!.goals_text).toBe(persona.goalsText);
    expect(userRow!.goals).toBe(persona.goals.join(';'));
  });
});

describe('simulate: behaviour', () => {
  it('produces a plausible event mix', () => {
    const { events } = summarizeDataset(dataset);
    const total = dataset.interactions.length;
    expect(events.view / total).toBeGreaterThan(0.5);
    expect(events.click).toBeLessThan(events.view / 2);
    expect(events.favourite).toBeLessThan(events.click);
    expect(events.purchase).toBeLessThan(events.favourite);
    expect(events.purchase).toBeGreaterThan(0);
    expect(events.dismiss / total).toBeGreaterThan(0.01);
    expect(events.dismiss / total).toBeLessThan(0.15);
  });

  it('follows every click with an earlier view, and every favourite or purchase with an earlier click', () => {
    const seen = new Set<string>();
    const clicked = new Set<string>();
    const unexplained = dataset.interactions.filter((event) => {
      const key = `${event.userId} ${event.itemId}`;
      switch (event.event) {
        case 'view':
          seen.add(key);
          return false;
        case 'click':
          clicked.add(key);
          return !seen.has(key);
        case 'dismiss':
          return !seen.has(key);
        case 'favourite':
        case 'purchase':
          return !clicked.has(key);
      }
    });
    expect(unexplained).toEqual([]);
  });

  it('gives most users at least five positives', () => {
    const summary = summarizeDataset(dataset);
    expect(summary.usersWithAtLeast5Positives / summary.users).toBeGreaterThan(0.8);
  });

  it('makes purchases favour products that match the goals and fit the risk tolerance', () => {
    const itemCount = catalog.products.length;
    const userIndex = new Map(dataset.users.map((user, index) => [user.userId, index]));
    const itemIndex = new Map(catalog.products.map((product, index) => [product.id, index]));
    const purchases = dataset.interactions
      .filter((event) => event.event === 'purchase')
      .map((event) => ({ user: userIndex.get(event.userId)!, item: itemIndex.get(event.itemId)! }));
    const allPairs = dataset.users.flatMap((_, user) => catalog.products.map((_, item) => ({ user, item })));

    const utilityOf = ({ user, item }: { user: number; item: number }): number => dataset.utilities[user * itemCount + item]!;
    const sharesGoal = ({ user, item }: { user: number; item: number }): number =>
      catalog.products[item]!.goals.some((goal) => dataset.users[user]!.goals.includes(goal)) ? 1 : 0;
    const tooRisky = ({ user, item }: { user: number; item: number }): number =>
      catalog.products[item]!.risk_level > dataset.users[user]!.riskTolerance ? 1 : 0;

    expect(mean(purchases.map(utilityOf))).toBeGreaterThan(mean(allPairs.map(utilityOf)) + 2);
    expect(mean(purchases.map(sharesGoal))).toBeGreaterThan(0.9);
    expect(mean(allPairs.map(sharesGoal))).toBeLessThan(0.5);
    expect(mean(purchases.map(tooRisky))).toBeLessThan(mean(allPairs.map(tooRisky)) / 3);
  });
});

describe('npm run simulate', () => {
  const run = promisify(execFile);

  it('writes a dataset and reports what it wrote', async () => {
    const out = join(scratch, 'cli');
    const { stdout } = await run('npx', ['tsx', 'tools/simulate.ts', '--users', '25', '--seed', '5', '--out', out]);
    expect(stdout).toMatch(/not financial advice/);
    expect(stdout).toContain('25 users');
    expect((await readdir(out)).sort()).toEqual(['interactions.csv', 'items.csv', 'meta.json', 'users.csv', 'utilities.csv']);
  });

  it('explains a missing or malformed argument', async () => {
    await expect(run('npx', ['tsx', 'tools/simulate.ts', '--users', 'many', '--seed', '1', '--out', scratch])).rejects.toMatchObject({
      stderr: expect.stringContaining('--users must be an integer ≥ 1, got "many".') as unknown,
    });
  });
});
