import type { GoalTag } from './schema';

/**
 * One short phrase per goal tag, as a person might name the goal. Their embeddings are what a
 * person's goals text is compared with (`rank/goal-match.ts`). Short noun phrases match better
 * than long ones with this encoder: a long phrase's sentence shape ("paying X and combining Y")
 * starts to matter as much as its words.
 */
export const GOAL_PHRASES: Readonly<Record<GoalTag, string>> = {
  retirement: 'retirement savings and a pension',
  education: 'education and university fees',
  home: 'buying a home',
  emergency_fund: 'an emergency fund for unexpected bills',
  growth: 'investing for long-term growth',
  income: 'a steady income from savings',
  protection: 'insurance protection for my family',
  travel: 'travel and holidays',
  capital_preservation: 'keeping savings safe from losses',
  everyday_spending: 'everyday spending and card rewards',
  debt_consolidation: 'paying off debts',
};
