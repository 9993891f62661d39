import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InteractionEvent } from '../src/engine/rank/recommender';
import { readDatasetDir, type Dataset, type Interaction } from '../tools/eval/dataset';
import { readMovieLens } from '../tools/eval/movielens';
import { splitByUser, testSize } from '../tools/eval/split';
import { repoRoot } from './helpers/models';

/** A dataset of `users` users over items 0..itemCount-1 (ids equal to indices) with the given events. */
function dataset(interactions: readonly [user: number, item: number, timestamp: number, event: InteractionEvent][], options: { users?: number; items?: number; sideEvents?: boolean } = {}): Dataset {
  const items = options.items ?? 20;
  return {
    name: 'test',
    userIds: Array.from({ length: options.users ?? 1 }, (_, i) => String(i)),
    itemIds: Array.from({ length: items }, (_, i) => String(i)),
    itemTexts: Array.from({ length: items }, (_, i) => `item ${i}`),
    interactions: interactions.map(([user, item, timestamp, event]): Interaction => ({ user, item, timestamp, event })),
    positiveRule: 'favourite and purchase',
    sideEventsAllowed: options.sideEvents ?? true,
  };
}

describe('testSize', () => {
  it('puts the last 20% rounded up, at least 1, in the test set, and none below 5 positives', () => {
    expect([0, 1, 4].map(testSize)).toEqual([0, 0, 0]);
    expect([5, 6, 9, 10, 11].map(testSize)).toEqual([1, 2, 2, 2, 3]);
    // 0.2 × 15 is 3.0000000000000004 in floating point; the split must still give 3.
    expect([15, 16, 100].map(testSize)).toEqual([3, 4, 20]);
  });
});

describe('splitByUser', () => {
  it('orders positives by timestamp, ties by item id, and tests the latest', () => {
    const split = splitByUser(dataset([
      [0, 7, 50, 'purchase'],
      [0, 3, 10, 'favourite'],
      [0, 9, 30, 'favourite'],
      [0, 2, 30, 'purchase'],
      [0, 5, 40, 'favourite'],
      [0, 1, 50, 'favourite'],
    ]));
    expect(split.train[0]).toEqual([3, 2, 9, 5]);
    expect(split.test[0]).toEqual([1, 7]);
    expect(split.evaluatedUsers).toEqual([0]);
  });

  it('dates an item by its first positive event and counts it once', () => {
    const split = splitByUser(dataset([
      [0, 4, 90, 'purchase'],
      [0, 4, 5, 'favourite'],
      [0, 1, 10, 'favourite'],
      [0, 2, 20, 'favourite'],
      [0, 3, 30, 'favourite'],
      [0, 0, 40, 'purchase'],
    ]));
    expect(split.train[0]).toEqual([4, 1, 2, 3]);
    expect(split.test[0]).toEqual([0]);
  });

  it('keeps every positive of a user with fewer than 5 for training and does not evaluate them', () => {
    const split = splitByUser(dataset([
      [0, 1, 1, 'favourite'], [0, 2, 2, 'favourite'], [0, 3, 3, 'favourite'], [0, 4, 4, 'purchase'],
      [1, 1, 1, 'favourite'], [1, 2, 2, 'favourite'], [1, 3, 3, 'favourite'], [1, 4, 4, 'purchase'], [1, 5, 5, 'purchase'],
      [2, 6, 6, 'view'],
    ], { users: 3 }));
    expect(split.train).toEqual([[1, 2, 3, 4], [1, 2, 3, 4], []]);
    expect(split.test).toEqual([[], [5], []]);
    expect(split.evaluatedUsers).toEqual([1]);
  });

  it('keeps non-positive events up to the last training positive as side events, in time order', () => {
    const split = splitByUser(dataset([
      [0, 1, 10, 'favourite'], [0, 2, 20, 'favourite'], [0, 3, 30, 'favourite'], [0, 4, 40, 'favourite'], [0, 5, 50, 'purchase'],
      [0, 9, 40, 'dismiss'], [0, 8, 5, 'view'], [0, 5, 45, 'click'],
    ]));
    expect(split.sideEvents[0]).toEqual([
      { item: 8, event: 'view', timestamp: 5 },
      { item: 9, event: 'dismiss', timestamp: 40 },
    ]);
  });

  it('gives no side events when the dataset allows none', () => {
    const split = splitByUser(dataset([[0, 1, 10, 'favourite'], [0, 2, 5, 'view']], { sideEvents: false }));
    expect(split.sideEvents[0]).toEqual([]);
  });

  it('splits the tiny fixture as documented', async () => {
    const split = splitByUser(await readDatasetDir(join(repoRoot, 'tests/fixtures/dataset-tiny')));
    // Items: A1 A2 B1 C1 C2 D1 = 0..5; users u1 u2 u3 u4 = 0..3.
    expect(split.train).toEqual([[0, 1, 2, 3], [0, 3], [], []]);
    expect(split.test).toEqual([[4, 5], [], [], []]);
    expect(split.sideEvents[0]).toEqual([
      { item: 0, event: 'view', timestamp: 100 },
      { item: 2, event: 'click', timestamp: 130 },
    ]);
    expect(split.sideEvents[1]).toEqual([]);
    expect(split.evaluatedUsers).toEqual([0]);
  });

  it('uses exactly the MovieLens ratings ≥ 4 as positives', async () => {
    const split = splitByUser(await readMovieLens(join(repoRoot, 'tests/fixtures/movielens-tiny')));
    // Items 1 2 3 10 = 0..3. User 1 rated 1:5 (t100), 2:4 (t90), 3:3, 10:2; user 2 rated 1:1, 2:4.
    expect(split.train).toEqual([[1, 0], [1], []]);
    expect(split.sideEvents).toEqual([[], [], []]);
  });
});
