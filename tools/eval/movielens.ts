/**
 * MovieLens-100K adapter: reads the original files (u.item, u.data, u.user) into the evaluation
 * dataset. The rule, also in docs/dataset-format.md:
 *  - item text: the title, " — ", then the flagged genres joined by ", " (the title alone if none);
 *  - every rating becomes an interaction at its timestamp: rating ≥ 4 is a `favourite` (a positive),
 *    a lower rating a `view`; the protocol drops those lower ratings (no side information).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InteractionEvent } from '../../src/engine/rank/recommender';
import { DatasetFormatError } from './csv';
import { indexOfIds, sortIds, type Dataset, type Interaction } from './dataset';

/** The genre flags of u.item, in file order. */
export const MOVIELENS_GENRES = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy',
  'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
] as const;

/** Ratings at or above this are positives; the rest are dropped by the protocol. */
export const MOVIELENS_POSITIVE_RATING = 4;

/** The interaction a rating becomes. */
export function movieLensEvent(rating: number): InteractionEvent {
  return rating >= MOVIELENS_POSITIVE_RATING ? 'favourite' : 'view';
}

/** The item text: title, then genres. */
export function movieLensItemText(title: string, genres: readonly string[]): string {
  return genres.length > 0 ? `${title} — ${genres.join(', ')}` : title;
}

const ITEM_FIXED_FIELDS = 5;

async function readLines(path: string, encoding: BufferEncoding): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, encoding);
  } catch (cause) {
    throw new DatasetFormatError(path, undefined, `cannot read the MovieLens file (${cause instanceof Error ? cause.message : String(cause)}); is ../shared/datasets/movielens-100k/ there?`);
  }
  return text.split('\n').map((line) => line.replace(/\r$/, ''));
}

/** `[line number, fields]` of the non-blank lines of a delimited file without header. */
function records(lines: readonly string[], delimiter: string): [number, string[]][] {
  return lines.flatMap((line, index) => (line.trim() === '' ? [] : [[index + 1, line.split(delimiter)] as [number, string[]]]));
}

function field(fields: readonly string[], index: number): string {
  return fields[index] ?? '';
}

export async function readMovieLens(dir: string): Promise<Dataset> {
  // u.item is Latin-1 (accented titles); read as UTF-8 they would turn into replacement characters.
  const itemPath = join(dir, 'u.item');
  const itemTextById = new Map<string, string>();
  for (const [line, fields] of records(await readLines(itemPath, 'latin1'), '|')) {
    if (fields.length !== ITEM_FIXED_FIELDS + MOVIELENS_GENRES.length) {
      throw new DatasetFormatError(itemPath, line, `${fields.length} fields where u.item has ${ITEM_FIXED_FIELDS + MOVIELENS_GENRES.length}`);
    }
    const genres = MOVIELENS_GENRES.filter((_, g) => field(fields, ITEM_FIXED_FIELDS + g) === '1');
    itemTextById.set(field(fields, 0), movieLensItemText(field(fields, 1), genres));
  }
  const itemIds = sortIds(itemTextById.keys());
  const itemIndex = indexOfIds(itemIds);

  const userPath = join(dir, 'u.user');
  const listedUsers = records(await readLines(userPath, 'latin1'), '|').map(([, fields]) => field(fields, 0));

  const ratingsPath = join(dir, 'u.data');
  const ratings = records(await readLines(ratingsPath, 'latin1'), '\t').map(([line, fields]) => {
    const [userId = '', itemId = '', ratingText = '', timestampText = ''] = fields;
    const item = itemIndex.get(itemId);
    const rating = Number(ratingText);
    const timestamp = Number(timestampText);
    if (item === undefined) throw new DatasetFormatError(ratingsPath, line, `item ${itemId} is not in u.item`);
    if (!Number.isFinite(rating) || !Number.isFinite(timestamp) || ratingText === '' || timestampText === '') {
      throw new DatasetFormatError(ratingsPath, line, 'expected user_id, item_id, rating, timestamp separated by tabs');
    }
    return { userId, item, event: movieLensEvent(rating), timestamp };
  });

  const userIds = sortIds([...listedUsers, ...ratings.map((r) => r.userId)]);
  const userIndex = indexOfIds(userIds);
  const interactions: Interaction[] = ratings.map(({ userId, item, event, timestamp }) => ({ user: userIndex.get(userId)!, item, timestamp, event }));
  return {
    name: 'movielens-100k',
    userIds,
    itemIds,
    itemTexts: itemIds.map((id) => itemTextById.get(id)!),
    interactions,
    positiveRule: `ratings >= ${MOVIELENS_POSITIVE_RATING}; all other ratings are dropped`,
    sideEventsAllowed: false,
  };
}
