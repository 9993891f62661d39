import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetFormatError, parseCsv } from '../tools/eval/csv';
import { readDatasetDir, sortIds } from '../tools/eval/dataset';
import { movieLensEvent, readMovieLens } from '../tools/eval/movielens';
import { repoRoot } from './helpers/models';

const TINY = join(repoRoot, 'tests/fixtures/dataset-tiny');
const MOVIELENS_TINY = join(repoRoot, 'tests/fixtures/movielens-tiny');

describe('parseCsv', () => {
  it('keeps quoted commas, doubled quotes and newlines inside a field, and numbers records by their first line', () => {
    const table = parseCsv('a,b\n1,"x, y"\n2,"line one\nline two"\n\n3,"say ""hi"""\n', 'test.csv');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records.map((r) => r.cells)).toEqual([
      ['1', 'x, y'],
      ['2', 'line one\nline two'],
      ['3', 'say "hi"'],
    ]);
    expect(table.records.map((r) => r.line)).toEqual([2, 3, 6]);
  });

  it('rejects a record with the wrong number of fields, naming file and line', () => {
    expect(() => parseCsv('a,b\n1,2\n3,4,5\n', 'test.csv')).toThrow(/^test\.csv:3: 3 fields where the header has 2/);
  });

  it('rejects an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n', 'test.csv')).toThrow(DatasetFormatError);
  });
});

describe('sortIds', () => {
  it('orders integer ids numerically and any other ids as strings', () => {
    expect(sortIds(['10', '9', '100', '9'])).toEqual(['9', '10', '100']);
    expect(sortIds(['b', 'a10', 'a9', '7'])).toEqual(['7', 'a10', 'a9', 'b']);
  });
});

describe('readDatasetDir on the tiny fixture', () => {
  it('reads items in id order with quoted commas, quotes and newlines in their text', async () => {
    const dataset = await readDatasetDir(TINY);
    expect(dataset.name).toBe('dataset-tiny');
    expect(dataset.itemIds).toEqual(['A1', 'A2', 'B1', 'C1', 'C2', 'D1']);
    expect(dataset.itemTexts[0]).toBe('Savings account, instant access');
    expect(dataset.itemTexts[1]).toBe('Global index fund\nLow fees, broad diversification');
    expect(dataset.itemTexts[2]).toBe('The "safe" bond ladder');
  });

  it('takes users from users.csv and interactions.csv, and ignores extra columns', async () => {
    const dataset = await readDatasetDir(TINY);
    expect(dataset.userIds).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(dataset.interactions).toHaveLength(15);
    expect(dataset.interactions[0]).toEqual({ user: 0, item: 0, timestamp: 100, event: 'view' });
    expect(dataset.interactions.at(-1)).toEqual({ user: 3, item: 5, timestamp: 300, event: 'click' });
    expect(dataset.sideEventsAllowed).toBe(true);
  });

  it('reads risk_level and risk_tolerance for the suitability metric (NaN for users users.csv lacks)', async () => {
    const dataset = await readDatasetDir(TINY);
    expect([...dataset.suitability!.itemRisk]).toEqual([1, 4, 2, 3, 1, 5]);
    expect([...dataset.suitability!.userTolerance]).toEqual([3, 5, 1, Number.NaN]);
  });
});

describe('readDatasetDir errors', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function datasetDir(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(join(tmpdir(), 'dataset-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }

  const ITEMS = 'item_id,text\nA,"Fund, global"\nB,Bond\n';

  it('names the file and line when the header is missing', async () => {
    const path = await datasetDir({ 'items.csv': ITEMS, 'interactions.csv': 'u1,A,100,view\n' });
    await expect(readDatasetDir(path)).rejects.toThrow(/interactions\.csv:1: the header must name the columns user_id, item_id, timestamp, event; missing user_id, item_id, timestamp, event/);
  });

  it('names the file and line of an unknown event, counting newlines inside quoted fields', async () => {
    const path = await datasetDir({
      'items.csv': ITEMS,
      'interactions.csv': 'user_id,item_id,timestamp,event,note\nu1,A,100,view,"two\nlines"\nu1,B,101,like,x\n',
    });
    const error = await readDatasetDir(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetFormatError);
    expect((error as DatasetFormatError).line).toBe(4);
    expect((error as Error).message).toMatch(/interactions\.csv:4: unknown event "like"; expected one of view, click, favourite, purchase, dismiss/);
  });

  it('rejects an item that items.csv does not list, a bad timestamp and a duplicate item id', async () => {
    const unknownItem = await datasetDir({ 'items.csv': ITEMS, 'interactions.csv': 'user_id,item_id,timestamp,event\nu1,Z,1,view\n' });
    await expect(readDatasetDir(unknownItem)).rejects.toThrow(/interactions\.csv:2: item_id "Z" is not in items\.csv/);
    await rm(unknownItem, { recursive: true });
    const badTime = await datasetDir({ 'items.csv': ITEMS, 'interactions.csv': 'user_id,item_id,timestamp,event\nu1,A,yesterday,view\n' });
    await expect(readDatasetDir(badTime)).rejects.toThrow(/interactions\.csv:2: timestamp "yesterday" is not a number/);
    await rm(badTime, { recursive: true });
    const duplicate = await datasetDir({ 'items.csv': 'item_id,text\nA,x\nA,y\n', 'interactions.csv': 'user_id,item_id,timestamp,event\n' });
    await expect(readDatasetDir(duplicate)).rejects.toThrow(/items\.csv:3: item_id "A" appears twice \(first on line 2\)/);
  });

  it('says which file is missing', async () => {
    const path = await datasetDir({ 'items.csv': ITEMS });
    await expect(readDatasetDir(path)).rejects.toThrow(/interactions\.csv: cannot read the file/);
  });
});

describe('readMovieLens on a tiny fixture in the original layout', () => {
  it('builds item text from title and genres, decoding Latin-1 titles', async () => {
    const dataset = await readMovieLens(MOVIELENS_TINY);
    expect(dataset.itemIds).toEqual(['1', '2', '3', '10']);
    expect(dataset.itemTexts).toEqual([
      "Toy Story (1995) — Animation, Children's, Comedy",
      'Café au lait (1993) — Comedy',
      'Heat (1995) — Action, Crime, Thriller',
      'Untitled (1990)',
    ]);
  });

  it('turns every rating into an interaction: rating ≥ 4 a favourite, lower a view, with no side information', async () => {
    const dataset = await readMovieLens(MOVIELENS_TINY);
    expect(dataset.userIds).toEqual(['1', '2', '3']);
    expect(dataset.interactions).toHaveLength(6);
    expect(dataset.interactions.map((i) => i.event)).toEqual(['favourite', 'favourite', 'view', 'view', 'view', 'favourite']);
    expect(dataset.sideEventsAllowed).toBe(false);
    expect([1, 2, 3, 4, 5].map(movieLensEvent)).toEqual(['view', 'view', 'view', 'favourite', 'favourite']);
  });
});
