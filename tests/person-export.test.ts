import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, PERSON_EXPORT_FORMAT, type PersonExport, type RecordedEvent } from '../src/protocol/engine-api';
import { InvalidExportError, parsePersonExport, toPersonExport } from '../src/storage/person-export';
import type { StoredPerson } from '../src/storage/person-persistence';

const PERSON: StoredPerson = {
  profile: { riskLevel: 4, horizonYears: 20, age: 29, goalsText: 'Grow my savings for a flat — “soon”.', answers: { q1: 'c', q2: 'a' } },
  events: [
    { productId: 'fund-010', kind: 'view', at: 1_700_000_000_000, dwellMs: 12_500 },
    { productId: 'fund-010', kind: 'favourite', at: 1_700_000_001_000 },
    { productId: 'card-002', kind: 'not_interested', at: 1_700_000_002_000 },
  ],
  settings: { retentionDays: 180 },
};
const NOW = new Date('2025-03-01T12:00:00.000Z');

/** A valid export's JSON with `change` applied to the parsed document first. */
function exportWith(change: (document: Record<string, unknown> & { events: Record<string, unknown>[]; profile: Record<string, unknown> }) => void): string {
  const document = JSON.parse(JSON.stringify(toPersonExport(PERSON, NOW))) as Parameters<typeof change>[0];
  change(document);
  return JSON.stringify(document);
}

/** The message parsePersonExport throws for `json` (failing the test if it does not throw InvalidExportError). */
function refusal(json: string): string {
  try {
    parsePersonExport(json);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidExportError);
    return (error as InvalidExportError).message;
  }
  throw new Error('parsePersonExport accepted the file');
}

describe('the person export file', () => {
  it('is written with its format, version and time, and read back to the same person', () => {
    const file = toPersonExport(PERSON, NOW);
    expect(file).toEqual({ format: PERSON_EXPORT_FORMAT, version: 1, exportedAt: '2025-03-01T12:00:00.000Z', ...PERSON } satisfies PersonExport);
    expect(parsePersonExport(JSON.stringify(file))).toEqual(PERSON);
    expect(parsePersonExport(JSON.stringify(file, null, 2))).toEqual(PERSON);
  });

  it('reads a person without a profile, events or retention', () => {
    const empty: StoredPerson = { profile: null, events: [], settings: { retentionDays: null } };
    expect(parsePersonExport(JSON.stringify(toPersonExport(empty, NOW)))).toEqual(empty);
  });

  it('takes events in any order and returns them oldest first, ties in file order', () => {
    const shuffled: RecordedEvent[] = [
      { productId: 'c', kind: 'view', at: 30 },
      { productId: 'a1', kind: 'view', at: 10 },
      { productId: 'b', kind: 'click', at: 20 },
      { productId: 'a2', kind: 'compare', at: 10 },
    ];
    const parsed = parsePersonExport(JSON.stringify(toPersonExport({ ...PERSON, events: shuffled }, NOW)));
    expect(parsed.events.map((event) => event.productId)).toEqual(['a1', 'a2', 'b', 'c']);
  });

  it('accepts every event kind and the range limits', () => {
    const json = exportWith((document) => {
      document.profile = { riskLevel: 1, horizonYears: 0, age: 120, goalsText: 'x'.repeat(500), answers: {} };
      document.events = ['view', 'click', 'favourite', 'unfavourite', 'compare', 'apply', 'not_interested'].map((kind, at) => ({ productId: 'p'.repeat(100), kind, at }));
      document.settings = { retentionDays: 3650 };
    });
    expect(parsePersonExport(json).events).toHaveLength(7);
  });

  it('switches zod to jitless, as the Content Security Policy requires', () => {
    expect(z.config().jitless).toBe(true);
  });
});

describe('a file that is not a valid export is refused with a message that says why', () => {
  it('too large', () => {
    expect(refusal(' '.repeat(MAX_IMPORT_BYTES + 1))).toBe('This file is too large to be an export: 20.1 MB, where an export is at most 20 MB.');
    expect(refusal(' '.repeat(25_300_000))).toBe('This file is too large to be an export: 25.3 MB, where an export is at most 20 MB.');
    // Counted in UTF-8 bytes: 10,000,000 two-byte characters and their quotes are over the limit…
    expect(refusal(`"${'é'.repeat(10_000_000)}"`)).toMatch(/^This file is too large to be an export/);
    // …and a file just at the limit is read (and refused for what it holds, not for its size).
    expect(refusal(`"${'é'.repeat(9_999_999)}"`)).toBe(`This file is not an export from this app: it holds "${'é'.repeat(40)}…", not an object.`);
  });

  it('not JSON', () => {
    for (const text of ['name,age\nAda,36', '', '{"format": "private-finance-recommender/person-export",']) {
      expect(refusal(text)).toBe('This file is not an export from this app: it is not JSON. An export is the .json file the app saved.');
    }
  });

  it('JSON but not an object', () => {
    expect(refusal('[1, 2]')).toBe('This file is not an export from this app: it holds an array, not an object.');
    expect(refusal('null')).toBe('This file is not an export from this app: it holds null, not an object.');
  });

  it('another format, or none', () => {
    expect(refusal(exportWith((document) => (document.format = 'something-else')))).toBe(
      `This file is not an export from this app: its "format" is "something-else", where an export has "${PERSON_EXPORT_FORMAT}".`,
    );
    expect(refusal(exportWith((document) => delete document.format))).toBe(
      `This file is not an export from this app: it has no "format" field, where an export has "${PERSON_EXPORT_FORMAT}".`,
    );
  });

  it('a version this app does not read', () => {
    expect(refusal(exportWith((document) => (document.version = 2)))).toBe(
      'This export has version 2, and this app reads version 1 only. If a newer version of the app made it, update this one and try again.',
    );
    expect(refusal(exportWith((document) => (document.version = '1')))).toMatch(/^This export has version "1", and this app reads version 1 only/);
    expect(refusal(exportWith((document) => delete document.version))).toMatch(/^This export has no version, and this app reads version 1 only/);
  });

  it.each<[string, (document: Parameters<Parameters<typeof exportWith>[0]>[0]) => void, string]>([
    ['event kind', (document) => (document.events[2]!.kind = 'buy'), 'events[2].kind: must be one of "view", "click", "favourite", "unfavourite", "compare", "apply", "not_interested"; got "buy"'],
    ['empty product id', (document) => (document.events[1]!.productId = ''), 'events[1].productId: must not be empty'],
    ['long product id', (document) => (document.events[0]!.productId = 'p'.repeat(101)), 'events[0].productId: must be at most 100 characters long'],
    ['product id type', (document) => (document.events[0]!.productId = 7), 'events[0].productId: must be a string, got 7'],
    ['negative dwell', (document) => (document.events[0]!.dwellMs = -1), 'events[0].dwellMs: must be ≥ 0, got -1'],
    ['negative time', (document) => (document.events[1]!.at = -5), 'events[1].at: must be ≥ 0, got -5'],
    ['missing time', (document) => delete document.events[1]!.at, 'events[1].at: is required'],
    ['unknown event field', (document) => (document.events[0]!.note = 'hi'), 'events[0]: unknown field "note"'],
    ['events not a list', (document) => (document.events = {} as never), 'events: must be an array, got an object'],
    ['risk level', (document) => (document.profile.riskLevel = 6), 'profile.riskLevel: must be one of 1, 2, 3, 4, 5; got 6'],
    ['fractional risk level', (document) => (document.profile.riskLevel = 2.5), 'profile.riskLevel: must be one of 1, 2, 3, 4, 5; got 2.5'],
    ['horizon', (document) => (document.profile.horizonYears = 51), 'profile.horizonYears: must be ≤ 50, got 51'],
    ['age', (document) => (document.profile.age = 17), 'profile.age: must be ≥ 18, got 17'],
    ['blank goals', (document) => (document.profile.goalsText = '   '), 'profile.goalsText: must not be empty'],
    ['long goals', (document) => (document.profile.goalsText = 'g'.repeat(501)), 'profile.goalsText: must be at most 500 characters long'],
    ['answer type', (document) => (document.profile.answers = { q1: 3 }), 'profile.answers.q1: must be a string, got 3'],
    ['retention zero', (document) => (document.settings = { retentionDays: 0 }), 'settings.retentionDays: must be ≥ 1, got 0'],
    ['retention fraction', (document) => (document.settings = { retentionDays: 1.5 }), 'settings.retentionDays: must be a whole number, got 1.5'],
    ['retention too long', (document) => (document.settings = { retentionDays: 3651 }), 'settings.retentionDays: must be ≤ 3650, got 3651'],
    ['missing settings', (document) => delete document.settings, 'settings: is required'],
    ['export time', (document) => (document.exportedAt = 'yesterday'), 'exportedAt: must be a date and time in ISO 8601 form (such as 2025-01-31T09:30:00.000Z), got "yesterday"'],
    ['profile not an object', (document) => (document.profile = 'me' as never), 'profile: must be an object, got "me"'],
    ['unknown top-level field', (document) => (document.extra = true), '(file): unknown field "extra"'],
  ])('%s', (_name, change, problem) => {
    expect(refusal(exportWith(change))).toBe(`This export cannot be imported: 1 field is not valid.\n  ${problem}`);
  });

  it('lists the first ten problems and counts the rest', () => {
    const message = refusal(
      exportWith((document) => {
        document.events = Array.from({ length: 12 }, (_, index) => ({ productId: `p${index}`, kind: 'view', at: -1 }));
      }),
    );
    expect(message.split('\n')).toEqual([
      'This export cannot be imported: 12 fields are not valid.',
      ...Array.from({ length: 10 }, (_, index) => `  events[${index}].at: must be ≥ 0, got -1`),
      '  …and 2 more',
    ]);
  });
});
