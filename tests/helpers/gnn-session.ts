import type { UserHistory } from '../../src/engine/gnn/model';
import type { SideEvent, UserProfile } from '../../src/engine/rank/recommender';

/**
 * The history `scoreUserHistory` takes for a session's events: favourites and purchases are the
 * positives (each item once, in order of its first, timed by its latest), every other event a side
 * event.
 */
export function historyOf(events: readonly SideEvent[], profile?: UserProfile): UserHistory {
  const latest = new Map<number, number>();
  for (const e of events) {
    if (e.event === 'favourite' || e.event === 'purchase') latest.set(e.item, Math.max(latest.get(e.item) ?? -Infinity, e.timestamp));
  }
  const positives = [...latest.keys()];
  const positiveTimes = [...latest.values()];
  const sideEvents = events.filter((e) => e.event !== 'favourite' && e.event !== 'purchase');
  return profile ? { positives, positiveTimes, sideEvents, profile } : { positives, positiveTimes, sideEvents };
}

/**
 * Largest |got − want| over `scale`, where scale is the larger of |want_j| and the largest |want|
 * among items that are not demoted (the spread of ordinary scores): relative for each score, but a
 * score near 0 is compared at the size of the scores around it.
 */
export function maxRelativeScoreError(got: ArrayLike<number>, want: ArrayLike<number>, demoted: ReadonlySet<number> = new Set()): number {
  if (got.length !== want.length) return Infinity;
  let spread = 0;
  for (let j = 0; j < want.length; j++) if (!demoted.has(j)) spread = Math.max(spread, Math.abs(want[j] ?? 0));
  let worst = 0;
  for (let j = 0; j < want.length; j++) {
    const w = want[j] ?? 0;
    const difference = Math.abs((got[j] ?? NaN) - w);
    const scale = Math.max(Math.abs(w), spread);
    worst = Math.max(worst, scale === 0 ? (difference === 0 ? 0 : Infinity) : difference / scale);
  }
  return worst;
}

/** Items dismissed and never made a positive: the ones scoring demotes. */
export function demotedItems(events: readonly SideEvent[]): Set<number> {
  const history = historyOf(events);
  const positives = new Set(history.positives);
  return new Set(events.filter((e) => e.event === 'dismiss' && !positives.has(e.item)).map((e) => e.item));
}

/** Every item but `excluded`, best score first, ties by lower id: what topK must return a prefix of. */
export function rankedByScore(scores: ArrayLike<number>, excluded: ReadonlySet<number> = new Set()): number[] {
  const items = Array.from({ length: scores.length }, (_, item) => item).filter((item) => !excluded.has(item));
  return items.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
}
