/**
 * Which of the catalog's goal tags a person's goals text names, from sentence embeddings: the text
 * is cut into clauses, each clause is compared with one phrase per tag (`GOAL_PHRASES`), and a
 * clause names the tags whose phrase is closest to it, if close enough.
 *
 * Why clauses: people name several goals in one sentence ("build up my pension and invest for
 * growth"), and one embedding of the whole text blurs them. Measured on the shipped encoder, whole
 * texts lost a named goal ("save for my children's education and protect my family" matched only
 * protection) or gained a wrong one; per clause each named goal is the best match of its clause.
 */
import type { GoalTag } from '../catalog';

/**
 * A clause names a tag when the cosine of their embeddings is at least this. Measured: unrelated
 * clauses ("hello", "asdf qwer", "I like cats", risk sentences such as "I can accept some ups and
 * downs") peak at 0.33–0.54; goal clauses ("fund my degree", "insure myself against the
 * unexpected", "save for my children's education") score 0.56–0.94 on their tag.
 */
export const GOAL_MATCH_FLOOR = 0.55;

/**
 * Tags within this much of a clause's best also count ("keep my money safe": capital
 * preservation 0.59, emergency fund 0.57); wider margins let in neighbours such as income for a
 * retirement clause.
 */
export const GOAL_MATCH_MARGIN = 0.05;

/** The clauses of a goals text: split at sentence and list punctuation and at "and"/"but". */
export function goalClauses(text: string): string[] {
  return text
    .split(/[.!?;,\n]|\b(?:and|but)\b/i)
    .map((clause) => clause.trim())
    .filter((clause) => /\p{L}.*\p{L}/u.test(clause));
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let c = 0; c < a.length; c++) sum += (a[c] ?? 0) * (b[c] ?? 0);
  return sum;
}

/**
 * The tags the clauses name, each with its best cosine over the clauses (see the file comment).
 * `phrases` holds one L2-normalised embedding per tag, `clauses` one per clause.
 */
export function matchGoals(phrases: ReadonlyMap<GoalTag, Float32Array>, clauses: readonly Float32Array[]): Map<GoalTag, number> {
  const matched = new Map<GoalTag, number>();
  for (const clause of clauses) {
    const similarities = [...phrases].map(([goal, phrase]) => ({ goal, similarity: dot(clause, phrase) }));
    const best = Math.max(...similarities.map((entry) => entry.similarity));
    const cut = Math.max(GOAL_MATCH_FLOOR, best - GOAL_MATCH_MARGIN);
    for (const { goal, similarity } of similarities) {
      if (similarity >= cut) matched.set(goal, Math.max(matched.get(goal) ?? -1, similarity));
    }
  }
  return matched;
}
