/**
 * CSV reading for evaluation datasets: RFC 4180 parsing (quoted fields, commas, quotes and newlines
 * inside fields) through papaparse, with each record's line number kept for error messages.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';

/** A dataset file that does not follow docs/dataset-format.md; the message names the file and line. */
export class DatasetFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem} (see docs/dataset-format.md)`);
    this.name = 'DatasetFormatError';
  }
}

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly headerLine: number;
  /** Records after the header; blank lines are skipped. */
  readonly records: readonly CsvRecord[];
}

function countNewlines(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) count++;
  return count;
}

/** Parses CSV text; `file` only labels errors. Every record must have as many fields as the header. */
export function parseCsv(text: string, file: string): CsvTable {
  // A byte-order mark would otherwise become part of the first column's name.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: false });
  // papaparse numbers records, not lines: a record starts one line after the previous record's
  // last line, which is later than its first line by the newlines quoted inside its fields.
  const lines: number[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    lines.push(line);
    line += 1 + countNewlines(cells);
  }
  const firstError = parsed.errors[0];
  if (firstError) {
    throw new DatasetFormatError(file, firstError.row === undefined ? undefined : lines[firstError.row], `${firstError.message}; is a quote missing?`);
  }
  const isBlank = (cells: readonly string[]): boolean => cells.length === 1 && cells[0]?.trim() === '';
  const nonBlank = parsed.data.flatMap((cells, row) => (isBlank(cells) ? [] : [{ line: lines[row] ?? row + 1, cells }]));
  const [headerRecord, ...records] = nonBlank;
  if (!headerRecord) throw new DatasetFormatError(file, undefined, 'the file is empty; it needs a header line');
  const header = headerRecord.cells.map((name) => name.trim());
  for (const record of records) {
    if (record.cells.length !== header.length) {
      throw new DatasetFormatError(file, record.line, `${record.cells.length} fields where the header has ${header.length}; quote fields that contain commas`);
    }
  }
  return { file, header, headerLine: headerRecord.line, records };
}

export async function readCsv(path: string): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new DatasetFormatError(path, undefined, `cannot read the file (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  return parseCsv(text, path);
}

/** The position of each required column in the header, or an error naming the ones missing. */
export function requireColumns<const Name extends string>(table: CsvTable, names: readonly Name[]): Record<Name, number> {
  const missing = names.filter((name) => !table.header.includes(name));
  if (missing.length > 0) {
    throw new DatasetFormatError(
      table.file,
      table.headerLine,
      `the header must name the columns ${names.join(', ')}; missing ${missing.join(', ')} (header read: "${table.header.join(',')}")`,
    );
  }
  return Object.fromEntries(names.map((name) => [name, table.header.indexOf(name)])) as Record<Name, number>;
}

/** The cell of `record` at `column` (which `requireColumns` guarantees is in range). */
export function cell(record: CsvRecord, column: number): string {
  return record.cells[column] ?? '';
}
