import { describe, expect, it } from 'vitest';
import type { GoalTag } from '../src/engine/catalog';
import { GOAL_MATCH_FLOOR, GOAL_MATCH_MARGIN, goalClauses, matchGoals } from '../src/engine/rank/goal-match';

/** A unit vector at `angle` in the plane of the first two axes, padded to 4-d. */
function unit(angle: number): Float32Array {
  return Float32Array.from([Math.cos(angle), Math.sin(angle), 0, 0]);
}

describe('goal matching', () => {
  it('cuts a goals text into clauses at punctuation and at "and"/"but", dropping empty and letterless ones', () => {
    expect(goalClauses('I want to buy my first home and keep an emergency fund. I prefer to play it safe!')).toEqual([
      'I want to buy my first home',
      'keep an emergency fund',
      'I prefer to play it safe',
    ]);
    expect(goalClauses('Retire early, travel; but never borrow. 123 ?')).toEqual(['Retire early', 'travel', 'never borrow']);
    expect(goalClauses('hand-made candles')).toEqual(['hand-made candles']);
  });

  it('names, per clause, the best tag and those within the margin, above the floor only', () => {
    // cos(angle) is the similarity with the tag at angle 0.
    const at = (similarity: number): number => Math.acos(similarity);
    const phrases = new Map<GoalTag, Float32Array>([
      ['home', unit(0)],
      ['travel', unit(at(GOAL_MATCH_FLOOR + 0.2) * 2)],
    ]);
    const clauseNearHome = unit(at(GOAL_MATCH_FLOOR + 0.3));
    const matched = matchGoals(phrases, [clauseNearHome]);
    expect([...matched.keys()]).toEqual(['home']);
    expect(matched.get('home')).toBeCloseTo(GOAL_MATCH_FLOOR + 0.3, 5);
    // Halfway between the two phrases: equally close to both, so both.
    const between = unit(at(GOAL_MATCH_FLOOR + 0.2));
    expect([...matchGoals(phrases, [between]).keys()].sort()).toEqual(['home', 'travel']);
    // Close to nothing: nothing, however near the best it is.
    expect(matchGoals(phrases, [Float32Array.from([0, 0, 1, 0])]).size).toBe(0);
    expect(GOAL_MATCH_MARGIN).toBeGreaterThan(0);
  });
});
