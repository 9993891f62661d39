/**
 * Cold start and few-shot evaluation (docs/evaluation.md, "Cold start and few-shot"), on top of the
 * per-user split of split.ts:
 *
 *  - **Cold users**: a seeded 20% (rounded up, at least 1) of the evaluated users (those with test
 *    positives), drawn with the run's seed.
 *  - **Training**: the usual training data with the cold users' positives, side events *and profile*
 *    removed. A new person arrives after the model was trained, so nothing of theirs, not even what
 *    they say about themselves, may have shaped its parameters; leaving the profile in would also let
 *    a model that trains on profile-only users (no positives) learn from the very people it is then
 *    tested on. Their indices stay (as empty rows), so every other user keeps theirs.
 *  - **Events**: a cold user's training-period events are one event per training positive (the item's
 *    first positive event, as the split dates it) and every side event of the training period (view,
 *    click, dismiss up to the last training positive), in time order, ties by item id, then by event
 *    in `INTERACTION_EVENTS` order. On data without side events (MovieLens) these are the training
 *    positives.
 *  - **Few-shot**: for n in {0, 1, 3, 5} each cold user is a `NewUser` made of their first n events
 *    (positives and side events kept apart) plus their profile where the dataset has one; n = 0 is
 *    the profile alone. The model's `scoreNewUser` ranks every item except the positives among those
 *    n events (ties by item id), and NDCG@10 and Recall@10 are taken against every positive of the
 *    user (training period and test) not among those n events: what this person goes on to choose.
 *    (Test positives alone would count the user's own later training-period choices as misses.)
 *  - **Fewer than n events**: such a user is left out at that n, so that "n events" means exactly n;
 *    the report counts them (`left_out`). Evaluated users have at least 4 training positives, so only
 *    n = 5 can leave anyone out.
 *  - Models without `scoreNewUser` (per-user parameters) are reported as not applicable, unfitted.
 */
import {
  INTERACTION_EVENTS,
  type NewUser,
  type Recommender,
  type SideEvent,
  type TrainingData,
  type UserProfile,
} from '../../src/engine/rank/recommender';
import { createRng } from '../lib/random';
import { POSITIVE_EVENTS } from './dataset';
import { checkScores, type Evaluation } from './evaluate';
import { accuracyAtK, randomAccuracyAtK, type AccuracyAtK } from './metrics';
import { topK } from './ranking';

export const COLD_SHARE_PERCENT = 20;
/** How many of a cold user's earliest events the model is given. */
export const FEW_SHOT_EVENTS: readonly number[] = [0, 1, 3, 5];
/** The cut-off of the cold-start metrics. */
export const COLD_START_K = 10;

/** A user's event of any type (a positive is its item's first positive event). */
export type TimedEvent = SideEvent;

export interface ColdUser {
  readonly user: number;
  /** Training-period events, in time order, ties by item id, then event. */
  readonly events: readonly TimedEvent[];
  readonly profile?: UserProfile;
  /** All the user's positives, training period and test: what a few-shot ranking should find. */
  readonly positives: readonly number[];
}

export interface ColdStart {
  /** What models are fitted on: the cold users have no positives, side events or profile. */
  readonly training: TrainingData;
  /** Cold users, ascending. */
  readonly users: readonly ColdUser[];
  /** How many evaluated users they were drawn from. */
  readonly evaluatedUsers: number;
  readonly seed: number;
  readonly hasProfiles: boolean;
  readonly hasSideEvents: boolean;
}

/** How many of `evaluated` users are made cold: 20% rounded up, at least 1 (none of none). */
export function coldUserCount(evaluated: number): number {
  if (evaluated === 0) return 0;
  return Math.max(1, Math.ceil((evaluated * COLD_SHARE_PERCENT) / 100));
}

/** The seeded choice of cold users among the evaluated ones, ascending. */
export function chooseColdUsers(evaluatedUsers: readonly number[], seed: number): number[] {
  // A stream of its own, so the choice does not move when a model draws from the run's seed differently.
  const rng = createRng((seed ^ 0xc01d5eed) >>> 0);
  return rng.shuffle([...evaluatedUsers]).slice(0, coldUserCount(evaluatedUsers.length)).sort((a, b) => a - b);
}

const eventRank = (event: TimedEvent['event']): number => INTERACTION_EVENTS.indexOf(event);

const byTimeItemEvent = (a: TimedEvent, b: TimedEvent): number =>
  a.timestamp - b.timestamp || a.item - b.item || eventRank(a.event) - eventRank(b.event);

/** Per cold user, their training positives as events (each item at its first positive event), unsorted. */
function positiveEvents(evaluation: Evaluation, coldUsers: readonly number[]): Map<number, Map<number, TimedEvent>> {
  const { dataset, split } = evaluation;
  const byUser = new Map(coldUsers.map((user) => [user, new Map<number, TimedEvent>()]));
  const trainItems = new Map(coldUsers.map((user) => [user, new Set(split.train[user])]));
  for (const { user, item, timestamp, event } of dataset.interactions) {
    const events = byUser.get(user);
    if (!events || !POSITIVE_EVENTS.has(event) || !trainItems.get(user)!.has(item)) continue;
    const earlier = events.get(item);
    if (!earlier || byTimeItemEvent({ item, event, timestamp }, earlier) < 0) events.set(item, { item, event, timestamp });
  }
  return byUser;
}

/** Chooses the cold users and assembles the training data without them (see the file comment). */
export function prepareColdStart(evaluation: Evaluation): ColdStart {
  const { split, training } = evaluation;
  const coldUsers = chooseColdUsers(split.evaluatedUsers, training.seed);
  const cold = new Uint8Array(split.userCount);
  for (const user of coldUsers) cold[user] = 1;
  const positives = positiveEvents(evaluation, coldUsers);
  const users = coldUsers.map((user): ColdUser => {
    const events = [...positives.get(user)!.values(), ...split.sideEvents[user]!].sort(byTimeItemEvent);
    const profile = training.userProfiles?.[user];
    return { user, events, positives: [...split.train[user]!, ...split.test[user]!], ...(profile ? { profile } : {}) };
  });
  const coldTraining: TrainingData = {
    ...training,
    positives: training.positives.map((items, user) => (cold[user] ? [] : items)),
    ...(training.positiveTimes ? { positiveTimes: training.positiveTimes.map((times, user) => (cold[user] ? [] : times)) } : {}),
    sideEvents: training.sideEvents.map((events, user) => (cold[user] ? [] : events)),
    ...(training.userProfiles ? { userProfiles: training.userProfiles.map((profile, user) => (cold[user] ? undefined : profile)) } : {}),
  };
  return {
    training: coldTraining,
    users,
    evaluatedUsers: split.evaluatedUsers.length,
    seed: training.seed,
    hasProfiles: users.some((user) => user.profile !== undefined),
    hasSideEvents: evaluation.dataset.sideEventsAllowed,
  };
}

/** The person a model sees after `count` events: undefined when the user has fewer events than that. */
export function newUserAfter(coldUser: ColdUser, count: number): NewUser | undefined {
  if (coldUser.events.length < count) return undefined;
  const events = coldUser.events.slice(0, count);
  // Each positive item once, in order of its first positive event, timed by its latest (as the split times training positives).
  const positiveTime = new Map<number, number>();
  for (const e of events) if (POSITIVE_EVENTS.has(e.event)) positiveTime.set(e.item, e.timestamp);
  const sideEvents = events.filter((e) => !POSITIVE_EVENTS.has(e.event));
  return {
    positives: [...positiveTime.keys()],
    positiveTimes: [...positiveTime.values()],
    sideEvents,
    ...(coldUser.profile ? { profile: coldUser.profile } : {}),
  };
}

export interface FewShotRow {
  /** How many events each user was given. */
  readonly events: number;
  /** Cold users with at least that many events: the users averaged over. */
  readonly users: number;
  /** Cold users with fewer events, left out at this count. */
  readonly leftOut: number;
  /** Mean number of positives among the events given (the rest are side events); null without users. */
  readonly meanPositives: number | null;
  /** Means at `COLD_START_K` over `users`; null when there are none. */
  readonly ndcg: number | null;
  readonly recall: number | null;
}

/** Mean NDCG and recall at `COLD_START_K` over the cold users with at least `count` events. */
function fewShotRow(coldStart: ColdStart, count: number, accuracy: (person: NewUser, test: ReadonlySet<number>) => AccuracyAtK): FewShotRow {
  let users = 0;
  let positives = 0;
  let ndcg = 0;
  let recall = 0;
  for (const coldUser of coldStart.users) {
    const person = newUserAfter(coldUser, count);
    if (!person) continue;
    const given = new Set(person.positives);
    const result = accuracy(person, new Set(coldUser.positives.filter((item) => !given.has(item))));
    users++;
    positives += person.positives.length;
    ndcg += result.ndcg;
    recall += result.recall;
  }
  return {
    events: count,
    users,
    leftOut: coldStart.users.length - users,
    meanPositives: users > 0 ? positives / users : null,
    ndcg: users > 0 ? ndcg / users : null,
    recall: users > 0 ? recall / users : null,
  };
}

export type ColdStartResult =
  | { readonly name: string; readonly applicable: true; readonly rows: readonly FewShotRow[]; readonly fitMs: number; readonly scoreMs: number }
  | { readonly name: string; readonly applicable: false; readonly reason: string };

/** Fits a fresh `model` on the cold-start training data and scores every cold user at each event count. */
export async function evaluateColdStart(model: Recommender, coldStart: ColdStart, counts: readonly number[] = FEW_SHOT_EVENTS): Promise<ColdStartResult> {
  if (typeof model.scoreNewUser !== 'function') {
    return { name: model.name, applicable: false, reason: 'no scoreNewUser: the model scores only the users it was trained on' };
  }
  const fitStarted = performance.now();
  await model.fit(coldStart.training);
  const fitMs = performance.now() - fitStarted;

  const scoreStarted = performance.now();
  const { itemCount } = coldStart.training;
  const excluded = new Uint8Array(itemCount);
  const rows = counts.map((count) =>
    fewShotRow(coldStart, count, (person, test) => {
      const scores = model.scoreNewUser!(person);
      checkScores(model, scores, itemCount);
      for (const item of person.positives) excluded[item] = 1;
      const recommended = topK(scores, excluded, COLD_START_K);
      for (const item of person.positives) excluded[item] = 0;
      return accuracyAtK(recommended, test, COLD_START_K)!;
    }),
  );
  return { name: model.name, applicable: true, rows, fitMs, scoreMs: performance.now() - scoreStarted };
}

/** The analytic expectation of a uniformly random ranking, over the same users and candidates. */
export function coldStartRandomExpectation(coldStart: ColdStart, counts: readonly number[] = FEW_SHOT_EVENTS): FewShotRow[] {
  const { itemCount } = coldStart.training;
  return counts.map((count) =>
    fewShotRow(coldStart, count, (person, test) => randomAccuracyAtK(itemCount - person.positives.length, test.size, COLD_START_K)),
  );
}

/** The cold-start protocol in words and counts, for the report. */
export function describeColdStart(coldStart: ColdStart, counts: readonly number[] = FEW_SHOT_EVENTS): Record<string, unknown> {
  return {
    cold_users: `a seeded ${COLD_SHARE_PERCENT}% (rounded up, at least 1) of the evaluated users`,
    training: "the usual training data with the cold users' positives, side events and profile removed",
    events: coldStart.hasSideEvents
      ? "a cold user's training-period events: one per training positive (its first positive event) and every side event (view, click, dismiss) up to their last training positive; in time order, ties by item id, then by event (view, click, favourite, purchase, dismiss)"
      : "a cold user's training positives in time order, ties by item id (the dataset has no side events)",
    new_user: `with n events: the first n events as a NewUser (positives, side events)${coldStart.hasProfiles ? ' plus the users.csv profile; n = 0 is the profile alone' : '; the dataset has no profiles, so n = 0 is nothing at all'}`,
    candidates: 'every item except the positives among the n events; equal scores ranked by item id ascending',
    relevant: "every positive of the user (training period and test) not among the n events given",
    fewer_events: 'users with fewer than n training-period events are left out at that n (left_out)',
    not_applicable: 'models without scoreNewUser',
    share_percent: COLD_SHARE_PERCENT,
    seed: coldStart.seed,
    k: COLD_START_K,
    events_given: counts,
    evaluated_users: coldStart.evaluatedUsers,
    cold_users_count: coldStart.users.length,
  };
}

/** A row as the report writes it: `ndcg@10`, `recall@10`. */
function reportRow(row: FewShotRow): Record<string, number | null> {
  return { events: row.events, users: row.users, left_out: row.leftOut, mean_positives: row.meanPositives, [`ndcg@${COLD_START_K}`]: row.ndcg, [`recall@${COLD_START_K}`]: row.recall };
}

/** The `cold_start` object of the JSON report. */
export function coldStartReport(coldStart: ColdStart, results: readonly ColdStartResult[]): Record<string, unknown> {
  return {
    protocol: describeColdStart(coldStart),
    models: Object.fromEntries(
      results.map((result) => [
        result.name,
        result.applicable
          ? { applicable: true, results: result.rows.map(reportRow), seconds: { fit: Math.round(result.fitMs) / 1000, score: Math.round(result.scoreMs) / 1000 } }
          : { applicable: false, reason: result.reason },
      ]),
    ),
    random_expected: coldStartRandomExpectation(coldStart).map(reportRow),
  };
}
