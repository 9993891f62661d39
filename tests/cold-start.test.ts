import { describe, expect, it } from 'vitest';
import type { InteractionEvent, NewUser, Recommender, TrainingData, UserProfile } from '../src/engine/rank/recommender';
import { createContent } from '../tools/eval/baselines/content';
import { createPopularity } from '../tools/eval/baselines/popularity';
import {
  chooseColdUsers,
  coldStartRandomExpectation,
  coldStartReport,
  coldUserCount,
  evaluateColdStart,
  prepareColdStart,
  type ColdStartResult,
  type FewShotRow,
} from '../tools/eval/cold-start';
import type { Dataset, Interaction } from '../tools/eval/dataset';
import { ModelOutputError, prepareEvaluation, type Evaluation } from '../tools/eval/evaluate';
import { createRng } from '../tools/lib/random';

type Row = [user: number, item: number, timestamp: number, event: InteractionEvent];

/** Users and items with ids equal to their indices; `dim`-d unit embeddings, item i along axis i mod dim unless given. */
function evaluation(rows: readonly Row[], options: { users: number; items: number; sideEvents?: boolean; seed?: number; embeddings?: Float32Array; dim?: number; profiles?: (UserProfile | undefined)[] }): Evaluation {
  const dim = options.dim ?? 4;
  const dataset: Dataset = {
    name: 'toy',
    userIds: Array.from({ length: options.users }, (_, i) => String(i)),
    itemIds: Array.from({ length: options.items }, (_, i) => String(i)),
    itemTexts: Array.from({ length: options.items }, (_, i) => `item ${i}`),
    interactions: rows.map(([user, item, timestamp, event]): Interaction => ({ user, item, timestamp, event })),
    positiveRule: 'favourite and purchase',
    sideEventsAllowed: options.sideEvents ?? true,
  };
  const rowsOf = options.embeddings ?? Float32Array.from({ length: options.items * dim }, (_, i) => (i % dim === Math.floor(i / dim) % dim ? 1 : 0));
  // Not annotated, so that the literal fits ItemEmbeddings whatever extra fields it grows.
  const embeddings = { rows: rowsOf, dim, fromCache: false, encoderDigest: 'test' };
  return prepareEvaluation(dataset, embeddings, options.seed ?? 1, options.profiles);
}

/** A real recommender that records what the harness hands it; scores favour low item ids. */
function recorder(withNewUser = true) {
  const fitted: TrainingData[] = [];
  const people: NewUser[] = [];
  let itemCount = 0;
  const scores = (): Float32Array => Float32Array.from({ length: itemCount }, (_, item) => -item);
  const model: Recommender = {
    name: 'recorder',
    fit(data) {
      fitted.push(data);
      itemCount = data.itemCount;
      return Promise.resolve();
    },
    scoreUser: scores,
    ...(withNewUser
      ? {
          scoreNewUser: (person: NewUser) => {
            people.push(person);
            return scores();
          },
        }
      : {}),
  };
  return { model, fitted, people };
}

function rowsOf(result: ColdStartResult): readonly FewShotRow[] {
  if (!result.applicable) throw new Error(`${result.name} was not applicable: ${result.reason}`);
  return result.rows;
}

/** Positives of `user` on `items` at times 10, 20, …: with five, the last is the test item. */
function positivesInOrder(user: number, items: readonly number[]): Row[] {
  return items.map((item, i): Row => [user, item, 10 * (i + 1), 'favourite']);
}

const profile = (goalsEmbedding: Float32Array): UserProfile => ({ riskTolerance: 3, horizonYears: 10, age: 40, goalsEmbedding });

describe('choice of cold users', () => {
  it('takes 20% of the evaluated users, rounded up, at least 1', () => {
    expect([0, 1, 5, 6, 10, 11, 1825, 938].map(coldUserCount)).toEqual([0, 1, 1, 2, 2, 3, 365, 188]);
  });

  it('is seeded, ascending and drawn from the evaluated users only', () => {
    const evaluated = Array.from({ length: 50 }, (_, i) => 3 * i);
    const first = chooseColdUsers(evaluated, 1);
    expect(first).toHaveLength(10);
    expect(chooseColdUsers(evaluated, 1)).toEqual(first);
    expect(chooseColdUsers(evaluated, 2)).not.toEqual(first);
    expect([...first].sort((a, b) => a - b)).toEqual(first);
    for (const user of first) expect(evaluated).toContain(user);
  });
});

describe('few-shot events', () => {
  // One evaluated user (so they are the cold one): positives 1, 2, 3, 4 train, 5 test.
  const rows: Row[] = [
    [0, 9, 5, 'view'],
    [0, 2, 10, 'purchase'],
    [0, 1, 10, 'favourite'], // same time as item 2: item 1 comes first
    [0, 1, 12, 'purchase'], // item 1 again: a positive counts once, at its first positive event
    [0, 8, 15, 'dismiss'],
    [0, 3, 20, 'favourite'],
    [0, 7, 25, 'click'],
    [0, 4, 30, 'favourite'],
    [0, 6, 35, 'view'], // after the last training positive: not in the training period
    [0, 5, 40, 'purchase'], // the test item
    [1, 1, 1, 'favourite'],
  ];

  it('gives the k earliest training-period events, in time order, ties by item id, positives and side events apart', async () => {
    const goals = Float32Array.from([0, 0, 1, 0]);
    const prepared = prepareColdStart(evaluation(rows, { users: 2, items: 10, profiles: [profile(goals), undefined] }));
    expect(prepared.users.map((user) => user.user)).toEqual([0]);
    expect(prepared.users[0]!.events.map((e) => [e.item, e.event])).toEqual([
      [9, 'view'], [1, 'favourite'], [2, 'purchase'], [8, 'dismiss'], [3, 'favourite'], [7, 'click'], [4, 'favourite'],
    ]);

    const { model, people } = recorder();
    await evaluateColdStart(model, prepared, [0, 1, 3, 5]);
    expect(people.map((person) => person.positives)).toEqual([[], [], [1, 2], [1, 2, 3]]);
    expect(people.map((person) => person.sideEvents.map((e) => e.item))).toEqual([[], [9], [9], [9, 8]]);
    expect(people[3]!.sideEvents).toEqual([{ item: 9, event: 'view', timestamp: 5 }, { item: 8, event: 'dismiss', timestamp: 15 }]);
    for (const person of people) expect(person.profile?.goalsEmbedding).toBe(goals);
  });

  it('ranks all items but the positives among the given events, against every positive not given', async () => {
    const prepared = prepareColdStart(evaluation(rows, { users: 2, items: 10 }));
    const result = rowsOf(await evaluateColdStart(recorder().model, prepared, [0, 3]));
    const gain = (rank: number): number => 1 / Math.log2(rank + 1);
    const sum = (ranks: number[]): number => ranks.reduce((total, rank) => total + gain(rank), 0);
    // Scores favour low ids. With nothing given, positives 1–5 rank 2nd to 6th of 0..9.
    expect(result[0]!.ndcg).toBeCloseTo(sum([2, 3, 4, 5, 6]) / sum([1, 2, 3, 4, 5]), 12);
    // Given 1 and 2 (excluded), the rest 3, 4, 5 rank 2nd to 4th after item 0.
    expect(result[1]!.ndcg).toBeCloseTo(sum([2, 3, 4]) / sum([1, 2, 3]), 12);
    expect(result.map((row) => row.recall)).toEqual([1, 1]);
  });

  it('leaves out, at that k, users with fewer than k events, and counts them', async () => {
    // MovieLens-like: no side events, 5 positives, so 4 training events.
    const prepared = prepareColdStart(evaluation(positivesInOrder(0, [1, 2, 3, 4, 5]), { users: 1, items: 6, sideEvents: false }));
    const result = rowsOf(await evaluateColdStart(createPopularity(), prepared));
    expect(result.map((row) => [row.events, row.users, row.leftOut])).toEqual([[0, 1, 0], [1, 1, 0], [3, 1, 0], [5, 0, 1]]);
    expect(result[3]!.ndcg).toBeNull();
    expect(coldStartRandomExpectation(prepared)[3]!.recall).toBeNull();
  });
});

describe('training without the cold users', () => {
  // 10 evaluated users, so 2 are cold; each also has side events and a profile.
  const rows = Array.from({ length: 10 }, (_, user) => [
    ...positivesInOrder(user, [user % 7, (user + 1) % 7, (user + 2) % 7, (user + 3) % 7, 7 + (user % 3)]),
    [user, 9, 15, 'click'] as Row,
  ]).flat();
  const profiles = Array.from({ length: 10 }, (_, user) => profile(Float32Array.from([user % 2, 0, 0, 1 - (user % 2)])));

  it("never hands a cold user's positives, side events or profile to fit()", async () => {
    const full = evaluation(rows, { users: 10, items: 10, profiles });
    const prepared = prepareColdStart(full);
    const cold = prepared.users.map((user) => user.user);
    expect(cold).toHaveLength(2);
    const { model, fitted } = recorder();
    await evaluateColdStart(model, prepared);
    expect(fitted).toHaveLength(1);
    const seen = fitted[0]!;
    for (let user = 0; user < 10; user++) {
      if (cold.includes(user)) {
        expect(seen.positives[user]).toEqual([]);
        expect(seen.sideEvents[user]).toEqual([]);
        expect(seen.userProfiles?.[user]).toBeUndefined();
      } else {
        expect(seen.positives[user]).toEqual(full.training.positives[user]);
        expect(seen.sideEvents[user]).toEqual(full.training.sideEvents[user]);
        expect(seen.userProfiles?.[user]).toBe(profiles[user]);
      }
    }
    // The cold users' items are gone from what popularity counts.
    const counts = new Float32Array(10);
    for (const items of seen.positives) for (const item of items) counts[item]!++;
    const popularity = createPopularity();
    await popularity.fit(seen);
    expect(popularity.scoreNewUser!({ positives: [], sideEvents: [] })).toEqual(counts);
  });

  it('reports models without scoreNewUser as not applicable, without fitting them', async () => {
    const prepared = prepareColdStart(evaluation(rows, { users: 10, items: 10 }));
    const { model, fitted } = recorder(false);
    const result = await evaluateColdStart(model, prepared);
    expect(result).toMatchObject({ name: 'recorder', applicable: false });
    expect(fitted).toHaveLength(0);
    const report = coldStartReport(prepared, [result]) as { models: Record<string, { applicable: boolean }> };
    expect(report.models['recorder']!.applicable).toBe(false);
  });

  it('stops on scores of the wrong length', async () => {
    const prepared = prepareColdStart(evaluation(rows, { users: 10, items: 10 }));
    const broken: Recommender = { name: 'broken', fit: () => Promise.resolve(), scoreUser: () => new Float32Array(1), scoreNewUser: () => new Float32Array(1) };
    await expect(evaluateColdStart(broken, prepared)).rejects.toThrow(ModelOutputError);
  });
});

describe('baselines for new users', () => {
  it('popularity beats the random-order expectation on a toy with popular items', async () => {
    // 40 users over 60 items, 7 positives each (5 train, 2 test); four picks in five are among items 0–9.
    const rng = createRng(7);
    const rows = Array.from({ length: 40 }, (_, user) => {
      const items = new Set<number>();
      while (items.size < 7) items.add(rng.next() < 0.8 ? rng.int(10) : 10 + rng.int(50));
      return [...items].map((item, i): Row => [user, item, i + 1, 'favourite']);
    }).flat();
    const prepared = prepareColdStart(evaluation(rows, { users: 40, items: 60 }));
    const measured = rowsOf(await evaluateColdStart(createPopularity(), prepared));
    const expected = coldStartRandomExpectation(prepared);
    for (const [index, row] of measured.entries()) {
      expect(row.users).toBe(8);
      expect(row.ndcg!).toBeGreaterThan(2 * expected[index]!.ndcg!);
      expect(row.recall!).toBeGreaterThan(expected[index]!.recall!);
    }
  });

  it('content with no events scores the goals embedding of the profile, and 0 without a profile', async () => {
    const training = evaluation([], { users: 1, items: 4 }).training;
    const content = createContent();
    await content.fit(training);
    const goals = Float32Array.from([0.6, 0, 0.8, 0]);
    expect([...content.scoreNewUser!({ positives: [], sideEvents: [], profile: profile(goals) })].map((s) => Math.round(s * 10) / 10)).toEqual([0.6, 0, 0.8, 0]);
    expect([...content.scoreNewUser!({ positives: [], sideEvents: [] })]).toEqual([0, 0, 0, 0]);
  });

  it('content with events averages the items of non-dismissed events and ignores the goals', async () => {
    const full = evaluation(positivesInOrder(0, [0, 1, 2, 3]), { users: 1, items: 4 });
    const content = createContent();
    await content.fit(full.training);
    const goals = profile(Float32Array.from([0, 0, 0, 1]));
    const person: NewUser = {
      positives: [0],
      sideEvents: [
        { item: 1, event: 'view', timestamp: 1 },
        { item: 2, event: 'click', timestamp: 2 },
        { item: 2, event: 'dismiss', timestamp: 3 },
        { item: 0, event: 'dismiss', timestamp: 4 }, // a positive outweighs its dismissal
      ],
      profile: goals,
    };
    const scores = [...content.scoreNewUser!(person)];
    expect(scores[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(scores[1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(scores[2]).toBe(0);
    expect(scores[3]).toBe(0);
    // A new person with a training user's positives scores like that user.
    expect(content.scoreNewUser!({ positives: full.training.positives[0]!, sideEvents: [] })).toEqual(content.scoreUser(0));
  });

  it('content finds the item the goals text describes, through the harness at 0 events', async () => {
    // User 0 (the one evaluated, so cold) ends with item 2; their goals point at item 2.
    const profiles = [profile(Float32Array.from([0, 0, 1, 0]))];
    const prepared = prepareColdStart(evaluation(positivesInOrder(0, [0, 1, 3, 4, 2]), { users: 1, items: 5, profiles }));
    const result = rowsOf(await evaluateColdStart(createContent(), prepared, [0]));
    expect(result[0]!.users).toBe(1);
    expect(result[0]!.ndcg).toBe(1);
  });
});
