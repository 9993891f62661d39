/**
 * The per-user temporal split of the evaluation protocol (docs/evaluation.md):
 *  - a user's positives are the items with a positive event (the earliest such event dates it);
 *  - ordered by timestamp, ties by item id, the last 20% (rounded up, at least 1) are the test set;
 *  - users with fewer than 5 positives keep them all for training and are not evaluated;
 *  - side events: the user's non-positive events up to the timestamp of their last training positive.
 */
import type { SideEvent } from '../../src/engine/rank/recommender';
import { POSITIVE_EVENTS, type Dataset } from './dataset';

export const TEST_PERCENT = 20;
export const MIN_POSITIVES_TO_TEST = 5;

export interface Split {
  readonly userCount: number;
  readonly itemCount: number;
  /** Per user, the training positives in time order (ties by item id). */
  readonly train: readonly (readonly number[])[];
  /**
   * Per user, aligned with `train`: the time of each training positive's latest positive event of
   * the training period (a favourite later bought counts as of the purchase), for recency.
   */
  readonly trainTimes: readonly (readonly number[])[];
  /** Per user, the test positives in time order; empty for users who are not evaluated. */
  readonly test: readonly (readonly number[])[];
  /** Per user, non-positive events of the training period, in time order; all empty when the dataset allows none. */
  readonly sideEvents: readonly (readonly SideEvent[])[];
  /** Users with at least one test item, ascending. */
  readonly evaluatedUsers: readonly number[];
}

/** How many of a user's `positives` go to the test set. */
export function testSize(positives: number): number {
  if (positives < MIN_POSITIVES_TO_TEST) return 0;
  // Integer arithmetic: 0.2 * 15 is 3.0000000000000004 in floating point, which would round up to 4.
  return Math.max(1, Math.ceil((positives * TEST_PERCENT) / 100));
}

const byTimeThenItem = (a: { timestamp: number; item: number }, b: { timestamp: number; item: number }): number =>
  a.timestamp - b.timestamp || a.item - b.item;

export function splitByUser(dataset: Dataset): Split {
  const userCount = dataset.userIds.length;
  // Per user, item → timestamp of its first positive event.
  const firstPositive = Array.from({ length: userCount }, () => new Map<number, number>());
  for (const { user, item, timestamp, event } of dataset.interactions) {
    if (!POSITIVE_EVENTS.has(event)) continue;
    const seen = firstPositive[user]!;
    const earlier = seen.get(item);
    if (earlier === undefined || timestamp < earlier) seen.set(item, timestamp);
  }

  const train: number[][] = [];
  const trainTimes: number[][] = [];
  const test: number[][] = [];
  const trainingEnd = new Float64Array(userCount).fill(Number.NEGATIVE_INFINITY);
  for (let user = 0; user < userCount; user++) {
    const ordered = [...firstPositive[user]!].map(([item, timestamp]) => ({ item, timestamp })).sort(byTimeThenItem);
    const cut = ordered.length - testSize(ordered.length);
    train.push(ordered.slice(0, cut).map((p) => p.item));
    test.push(ordered.slice(cut).map((p) => p.item));
    const lastTraining = ordered[cut - 1];
    if (lastTraining) trainingEnd[user] = lastTraining.timestamp;
  }

  // The latest positive event of each training positive, up to the end of the user's training period.
  const latestPositive = Array.from({ length: userCount }, () => new Map<number, number>());
  for (const { user, item, timestamp, event } of dataset.interactions) {
    if (!POSITIVE_EVENTS.has(event) || timestamp > trainingEnd[user]!) continue;
    const latest = latestPositive[user]!;
    latest.set(item, Math.max(latest.get(item) ?? Number.NEGATIVE_INFINITY, timestamp));
  }
  // Every training positive is in its map: its first positive event is within the training period.
  for (const [user, items] of train.entries()) trainTimes.push(items.map((item) => latestPositive[user]!.get(item)!));

  const sideEvents: SideEvent[][] = Array.from({ length: userCount }, () => []);
  if (dataset.sideEventsAllowed) {
    for (const { user, item, timestamp, event } of dataset.interactions) {
      if (!POSITIVE_EVENTS.has(event) && timestamp <= trainingEnd[user]!) sideEvents[user]!.push({ item, event, timestamp });
    }
    for (const events of sideEvents) events.sort(byTimeThenItem);
  }

  return {
    userCount,
    itemCount: dataset.itemIds.length,
    train,
    trainTimes,
    test,
    sideEvents,
    evaluatedUsers: test.flatMap((items, user) => (items.length > 0 ? [user] : [])),
  };
}
