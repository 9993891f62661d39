/**
 * The evaluation dataset in memory, and the reader for a dataset directory in the documented
 * format (docs/dataset-format.md): interactions.csv, items.csv and optionally users.csv.
 */
import { access } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { INTERACTION_EVENTS, type InteractionEvent } from '../../src/engine/rank/recommender';
import { PRODUCT_FEATURE_COLUMNS, PRODUCT_FEATURE_DIM, productFeatures, type ProductColumns } from '../../src/engine/gnn/product-features';
import { cell, DatasetFormatError, readCsv, requireColumns, type CsvTable } from './csv';

/** Events that make an item a positive for its user; the rest can only be side information. */
export const POSITIVE_EVENTS: ReadonlySet<InteractionEvent> = new Set<InteractionEvent>(['favourite', 'purchase']);

export interface Interaction {
  readonly user: number;
  readonly item: number;
  /** Unix seconds. */
  readonly timestamp: number;
  readonly event: InteractionEvent;
}

/** Risk columns of financial data, for the suitability-violation rate. */
export interface Suitability {
  /** Per item, items.csv `risk_level`. */
  readonly itemRisk: Float64Array;
  /** Per user, users.csv `risk_tolerance`; NaN for a user that users.csv does not list. */
  readonly userTolerance: Float64Array;
}

/** A users.csv profile before its goals text is embedded (see `UserProfile`). */
export interface RawUserProfile {
  readonly riskTolerance: number;
  readonly horizonYears: number;
  readonly age: number;
  readonly goalsText: string;
}

/** users.csv columns that make a profile; all four must be present for profiles to be read. */
export const PROFILE_COLUMNS = ['risk_tolerance', 'horizon_years', 'age', 'goals_text'] as const;

export interface Dataset {
  readonly name: string;
  /**
   * External ids; the index is the id the models and metrics use. Sorted by id (numerically when
   * every id is an integer), so that "ties broken by item id" is "ties broken by index".
   */
  readonly userIds: readonly string[];
  readonly itemIds: readonly string[];
  readonly itemTexts: readonly string[];
  readonly interactions: readonly Interaction[];
  /** How positives arise from the source data, in words, for the report. */
  readonly positiveRule: string;
  /** Whether non-positive events of the training period may reach models (MovieLens: no, its protocol drops them). */
  readonly sideEventsAllowed: boolean;
  /** Present when users.csv has `risk_tolerance` and items.csv has `risk_level`. */
  readonly suitability?: Suitability;
  /** Per item, `productFeatures` of its items.csv attributes, `itemCount × PRODUCT_FEATURE_DIM`; present when items.csv has every column of `PRODUCT_FEATURE_COLUMNS`. */
  readonly itemFeatures?: Float32Array;
  /** Per user, their profile; present when users.csv has every column of `PROFILE_COLUMNS` (undefined for unlisted users). */
  readonly userProfiles?: readonly (RawUserProfile | undefined)[];
}

const INTEGER_ID = /^\d+$/;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Integer ids of any length in numeric order; "007" and "7" are equal numerically, then ordered as strings. */
function compareIntegerIds(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length - y.length || compareStrings(x, y) || compareStrings(a, b);
}

/**
 * Distinct ids in ascending order: numeric when every id is an integer, else by UTF-16 code units.
 * Deciding once for the whole set keeps the order transitive (a per-pair rule would not be).
 */
export function sortIds(ids: Iterable<string>): string[] {
  const unique = [...new Set(ids)];
  return unique.sort(unique.every((id) => INTEGER_ID.test(id)) ? compareIntegerIds : compareStrings);
}

export function indexOfIds(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, index) => [id, index]));
}

function isInteractionEvent(value: string): value is InteractionEvent {
  return (INTERACTION_EVENTS as readonly string[]).includes(value);
}

/** A required, non-empty id cell. */
function idCell(table: CsvTable, record: CsvTable['records'][number], column: number, name: string): string {
  const id = cell(record, column).trim();
  if (id === '') throw new DatasetFormatError(table.file, record.line, `${name} is empty`);
  return id;
}

function numberCell(table: CsvTable, record: CsvTable['records'][number], column: number, name: string): number {
  const text = cell(record, column).trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new DatasetFormatError(table.file, record.line, `${name} "${text}" is not a number`);
  return value;
}

/** Rows keyed by their id column, rejecting duplicates. */
function rowsById(table: CsvTable, idColumn: number, name: string): Map<string, CsvTable['records'][number]> {
  const rows = new Map<string, CsvTable['records'][number]>();
  for (const record of table.records) {
    const id = idCell(table, record, idColumn, name);
    const earlier = rows.get(id);
    if (earlier) throw new DatasetFormatError(table.file, record.line, `${name} "${id}" appears twice (first on line ${earlier.line})`);
    rows.set(id, record);
  }
  return rows;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function readSuitability(items: CsvTable, itemRows: Map<string, CsvTable['records'][number]>, itemIds: readonly string[],
  users: CsvTable | undefined, userRows: Map<string, CsvTable['records'][number]>, userIds: readonly string[]): Suitability | undefined {
  const riskColumn = items.header.indexOf('risk_level');
  const toleranceColumn = users?.header.indexOf('risk_tolerance') ?? -1;
  if (!users || riskColumn < 0 || toleranceColumn < 0) return undefined;
  const itemRisk = Float64Array.from(itemIds, (id) => numberCell(items, itemRows.get(id)!, riskColumn, 'risk_level'));
  const userTolerance = Float64Array.from(userIds, (id) => {
    const row = userRows.get(id);
    return row ? numberCell(users, row, toleranceColumn, 'risk_tolerance') : Number.NaN;
  });
  return { itemRisk, userTolerance };
}

function readItemFeatures(items: CsvTable, itemRows: Map<string, CsvTable['records'][number]>, itemIds: readonly string[]): Float32Array | undefined {
  if (PRODUCT_FEATURE_COLUMNS.some((name) => !items.header.includes(name))) return undefined;
  const features = new Float32Array(itemIds.length * PRODUCT_FEATURE_DIM);
  itemIds.forEach((id, item) => {
    const row = itemRows.get(id)!;
    const columns = Object.fromEntries(PRODUCT_FEATURE_COLUMNS.map((name) => [name, cell(row, items.header.indexOf(name))])) as ProductColumns;
    features.set(productFeatures(columns), item * PRODUCT_FEATURE_DIM);
  });
  return features;
}

function readProfiles(users: CsvTable | undefined, userRows: Map<string, CsvTable['records'][number]>, userIds: readonly string[]):
  (RawUserProfile | undefined)[] | undefined {
  if (!users || PROFILE_COLUMNS.some((name) => !users.header.includes(name))) return undefined;
  const column = (name: (typeof PROFILE_COLUMNS)[number]): number => users.header.indexOf(name);
  return userIds.map((id) => {
    const row = userRows.get(id);
    if (!row) return undefined;
    return {
      riskTolerance: numberCell(users, row, column('risk_tolerance'), 'risk_tolerance'),
      horizonYears: numberCell(users, row, column('horizon_years'), 'horizon_years'),
      age: numberCell(users, row, column('age'), 'age'),
      goalsText: cell(row, column('goals_text')),
    };
  });
}

/**
 * Reads a dataset directory in the documented format. Errors name the file and line and say what
 * is wrong. `name` defaults to the directory's name.
 */
export async function readDatasetDir(dir: string, name = basename(resolve(dir))): Promise<Dataset> {
  const items = await readCsv(join(dir, 'items.csv'));
  const itemColumns = requireColumns(items, ['item_id', 'text']);
  const itemRows = rowsById(items, itemColumns.item_id, 'item_id');
  const itemIds = sortIds(itemRows.keys());
  const itemIndex = indexOfIds(itemIds);

  const usersPath = join(dir, 'users.csv');
  const users = (await exists(usersPath)) ? await readCsv(usersPath) : undefined;
  const userRows = users ? rowsById(users, requireColumns(users, ['user_id']).user_id, 'user_id') : new Map<string, CsvTable['records'][number]>();

  const interactionsTable = await readCsv(join(dir, 'interactions.csv'));
  const columns = requireColumns(interactionsTable, ['user_id', 'item_id', 'timestamp', 'event']);
  const raw = interactionsTable.records.map((record) => {
    const userId = idCell(interactionsTable, record, columns.user_id, 'user_id');
    const itemId = idCell(interactionsTable, record, columns.item_id, 'item_id');
    const item = itemIndex.get(itemId);
    if (item === undefined) throw new DatasetFormatError(interactionsTable.file, record.line, `item_id "${itemId}" is not in items.csv`);
    const timestamp = numberCell(interactionsTable, record, columns.timestamp, 'timestamp');
    const event = cell(record, columns.event).trim();
    if (!isInteractionEvent(event)) {
      throw new DatasetFormatError(interactionsTable.file, record.line, `unknown event "${event}"; expected one of ${INTERACTION_EVENTS.join(', ')}`);
    }
    return { userId, item, timestamp, event };
  });

  const userIds = sortIds([...userRows.keys(), ...raw.map((row) => row.userId)]);
  const userIndex = indexOfIds(userIds);
  const suitability = readSuitability(items, itemRows, itemIds, users, userRows, userIds);
  const userProfiles = readProfiles(users, userRows, userIds);
  const itemFeatures = readItemFeatures(items, itemRows, itemIds);
  return {
    name,
    userIds,
    itemIds,
    itemTexts: itemIds.map((id) => cell(itemRows.get(id)!, itemColumns.text)),
    interactions: raw.map(({ userId, item, timestamp, event }) => ({ user: userIndex.get(userId)!, item, timestamp, event })),
    positiveRule: 'events favourite and purchase; other events are side information from the training period',
    sideEventsAllowed: true,
    ...(suitability ? { suitability } : {}),
    ...(userProfiles ? { userProfiles } : {}),
    ...(itemFeatures ? { itemFeatures } : {}),
  };
}
