/**
 * The person's export file (documented in docs/person-export-format.md): written from the stored
 * person, and read back with every field checked, so that an import can refuse a file with a message
 * that says what is wrong and where before anything stored is touched. Whether the events' products
 * exist in the catalog is the worker's check, not this one's.
 */
import { z } from 'zod';
import { RISK_LEVELS } from '../engine/catalog';
import {
  AGE_MAX,
  AGE_MIN,
  MAX_GOALS_TEXT_LENGTH,
  MAX_IMPORT_BYTES,
  PERSON_EXPORT_FORMAT,
  PRODUCT_EVENT_KINDS,
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
  type PersonExport,
} from '../protocol/engine-api';
import type { StoredPerson } from './person-persistence';

// The app's Content Security Policy forbids eval: zod's start-up probe (`new Function('')`) is
// caught by zod but still reported as a violation, so its code generation is switched off.
z.config({ jitless: true });

/** The one version this code writes and reads. */
const EXPORT_VERSION = 1;
/** Far longer than any catalog id; a bound so that a hostile file cannot store megabyte-long ids. */
const MAX_PRODUCT_ID_LENGTH = 100;
/** The longest time horizon a profile takes, in years (as the profile form and the worker). */
const MAX_HORIZON_YEARS = 50;
/** Problems listed in the message; the rest are counted. */
const MAX_LISTED_PROBLEMS = 10;

const profileSchema = z.strictObject({
  riskLevel: z.literal(RISK_LEVELS),
  horizonYears: z.number().min(0).max(MAX_HORIZON_YEARS),
  age: z.number().min(AGE_MIN).max(AGE_MAX),
  goalsText: z
    .string()
    .max(MAX_GOALS_TEXT_LENGTH)
    .refine((text) => text.trim() !== '', { error: 'must not be empty' }),
  answers: z.record(z.string(), z.string()),
});

const eventSchema = z.strictObject({
  productId: z.string().min(1).max(MAX_PRODUCT_ID_LENGTH),
  kind: z.literal(PRODUCT_EVENT_KINDS),
  // zod's numbers are finite: Infinity and NaN are refused.
  dwellMs: z.number().min(0).optional(),
  at: z.number().min(0),
});

const settingsSchema = z.strictObject({
  retentionDays: z.int().min(RETENTION_DAYS_MIN).max(RETENTION_DAYS_MAX).nullable(),
});

const exportSchema = z.strictObject({
  format: z.literal(PERSON_EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  profile: profileSchema.nullable(),
  events: z.array(eventSchema),
  settings: settingsSchema,
});

/** A file that is not a valid export; the message says what is wrong, for the person importing it. */
export class InvalidExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidExportError';
  }
}

/** The export file of `person`, stamped with `now`. */
export function toPersonExport(person: StoredPerson, now: Date): PersonExport {
  return {
    format: PERSON_EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    profile: person.profile,
    events: [...person.events],
    settings: person.settings,
  };
}

/**
 * Reads an export file's text: checks its size, that it is JSON, its format and version, then every
 * field (ranges as in `engine-api.ts`). Events may come in any order and are returned oldest first
 * (events at the same time keep their order). Throws InvalidExportError saying what is wrong.
 */
export function parsePersonExport(json: string): StoredPerson {
  const bytes = utf8Bytes(json);
  if (bytes > MAX_IMPORT_BYTES) {
    throw new InvalidExportError(`This file is too large to be an export: ${megabytesRoundedUp(bytes)} MB, where an export is at most ${MAX_IMPORT_BYTES / 1_000_000} MB.`);
  }
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch {
    // The parser's own message differs between browsers and quotes the file: it would not help.
    throw new InvalidExportError('This file is not an export from this app: it is not JSON. An export is the .json file the app saved.');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InvalidExportError(`This file is not an export from this app: it holds ${describeValue(document)}, not an object.`);
  }
  if (!('format' in document) || document.format !== PERSON_EXPORT_FORMAT) {
    const found = 'format' in document ? `its "format" is ${describeValue(document.format)}` : 'it has no "format" field';
    throw new InvalidExportError(`This file is not an export from this app: ${found}, where an export has "${PERSON_EXPORT_FORMAT}".`);
  }
  if (!('version' in document) || document.version !== EXPORT_VERSION) {
    const found = 'version' in document ? `version ${describeValue(document.version)}` : 'no version';
    throw new InvalidExportError(
      `This export has ${found}, and this app reads version ${EXPORT_VERSION} only. If a newer version of the app made it, update this one and try again.`,
    );
  }

  const result = exportSchema.safeParse(document, { error: describeIssue });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `  ${problem}`);
    if (problems.length > MAX_LISTED_PROBLEMS) listed.push(`  …and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    throw new InvalidExportError(
      `This export cannot be imported: ${problems.length} field${problems.length === 1 ? ' is' : 's are'} not valid.\n${listed.join('\n')}`,
    );
  }
  const { profile, events, settings } = result.data;
  // Array.prototype.sort is stable: events at the same time keep the file's order.
  return { profile, events: [...events].sort((a, b) => a.at - b.at), settings };
}

/** UTF-8 length of `text` without encoding it (a file near the limit is tens of megabytes). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    // A surrogate pair (two units) is one 4-byte character.
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/** Rounded up, so that a file just over the limit never shows as the limit. */
function megabytesRoundedUp(bytes: number): string {
  return (Math.ceil(bytes / 100_000) / 10).toFixed(1);
}

/** `['events', 12, 'kind']` → `events[12].kind`; `(file)` for the document itself. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? '(file)' : text;
}

/** Short, field-level messages ("is required", "must be ≤ 50, got 60") instead of zod's generic ones. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${expectedType(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ≥ ${String(issue.minimum)}, got ${describeValue(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters long`;
      return `must be ≤ ${String(issue.maximum)}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}; got ${describeValue(issue.input)}`;
    case 'invalid_format':
      return `must be a date and time in ISO 8601 form (such as 2025-01-31T09:30:00.000Z), got ${describeValue(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    default:
      return undefined;
  }
}

/** zod's type name as words: `int` → "a whole number", `array` → "an array". */
function expectedType(expected: string): string {
  if (expected === 'int') return 'a whole number';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}
