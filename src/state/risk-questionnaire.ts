/**
 * The risk-profile questionnaire: six questions whose answers are worth points, the total (0–28)
 * mapped onto R1–R5 by bands. Additive on purpose: a person can check the result by adding up the
 * points shown next to their answers.
 *
 * - Each answer is worth 0–4 points, from the most cautious to the boldest, except the horizon's,
 *   which count double (0–8): how long the money can stay invested decides more than anything else
 *   whether it has time to recover from a fall.
 * - Bands: R1 0–3, R2 4–9, R3 10–15, R4 16–21, R5 22–28. R1 is narrow on purpose: it is for people
 *   who chose the most cautious answer nearly everywhere (a short horizon alone puts you there).
 */
import type { RiskLevel } from '../protocol/engine-api';

export type RiskQuestionId = 'horizon' | 'drawdown' | 'income' | 'experience' | 'liquidity' | 'objective';

export interface RiskOption {
  readonly id: string;
  readonly label: string;
  readonly points: number;
}

export interface RiskQuestion {
  readonly id: RiskQuestionId;
  /** A short name, used when listing unanswered questions and in the score explanation. */
  readonly title: string;
  /** The question as asked. */
  readonly prompt: string;
  /** From the most cautious answer to the boldest. */
  readonly options: readonly RiskOption[];
}

/** Question id → chosen option id; what ProfileInput.answers holds. */
export type RiskAnswers = Readonly<Record<string, string>>;

export const RISK_QUESTIONS: readonly RiskQuestion[] = [
  {
    id: 'horizon',
    title: 'Investment horizon',
    prompt: 'When will you need most of this money?',
    options: [
      { id: 'under-1', label: 'Within a year', points: 0 },
      { id: '1-3', label: 'In 1 to 3 years', points: 2 },
      { id: '3-5', label: 'In 3 to 5 years', points: 4 },
      { id: '5-10', label: 'In 5 to 10 years', points: 6 },
      { id: 'over-10', label: 'In more than 10 years', points: 8 },
    ],
  },
  {
    id: 'drawdown',
    title: 'Reaction to a 20% fall',
    prompt: 'Your investments lose 20% of their value in a few months. What do you do?',
    options: [
      { id: 'sell-all', label: 'Sell everything to stop further losses', points: 0 },
      { id: 'sell-some', label: 'Sell some of them', points: 1 },
      { id: 'wait', label: 'Wait and see, without buying or selling', points: 2 },
      { id: 'hold', label: 'Keep them and carry on investing as planned', points: 3 },
      { id: 'buy-more', label: 'Invest more while prices are low', points: 4 },
    ],
  },
  {
    id: 'income',
    title: 'Income stability',
    prompt: 'How stable is your income?',
    options: [
      { id: 'none', label: 'I have no regular income', points: 0 },
      { id: 'irregular', label: 'Irregular (freelance, seasonal or commission)', points: 1 },
      { id: 'could-change', label: 'Regular, but it could change soon', points: 2 },
      { id: 'stable', label: 'Stable (a permanent job or a pension)', points: 3 },
      { id: 'very-stable', label: 'Stable, from more than one source', points: 4 },
    ],
  },
  {
    id: 'experience',
    title: 'Investing experience',
    prompt: 'Which of these have you held before?',
    options: [
      { id: 'none', label: 'None of these: I have not invested before', points: 0 },
      { id: 'deposits', label: 'Savings accounts and fixed-term deposits only', points: 1 },
      { id: 'bonds-funds', label: 'Bonds or mixed funds', points: 2 },
      { id: 'shares', label: 'Shares or equity funds, for several years', points: 3 },
      { id: 'complex', label: 'Complex products (options, futures or structured products)', points: 4 },
    ],
  },
  {
    id: 'liquidity',
    title: 'Need for cash at short notice',
    prompt: 'How much of this money might you need at short notice?',
    options: [
      { id: 'all', label: 'All of it', points: 0 },
      { id: 'most', label: 'More than half', points: 1 },
      { id: 'some', label: 'About a quarter', points: 2 },
      { id: 'little', label: 'Only a little', points: 3 },
      { id: 'none', label: 'None: I keep a separate emergency fund', points: 4 },
    ],
  },
  {
    id: 'objective',
    title: 'Main objective',
    prompt: 'What matters most to you for this money?',
    options: [
      { id: 'preserve', label: 'Keeping it safe, even if it grows very little', points: 0 },
      { id: 'income', label: 'A steady income with little risk', points: 1 },
      { id: 'balanced', label: 'A balance of growth and safety', points: 2 },
      { id: 'growth', label: 'Long-term growth, accepting ups and downs', points: 3 },
      { id: 'max-growth', label: 'The highest growth, accepting large swings', points: 4 },
    ],
  },
];

/**
 * Years until the money is needed, for each horizon answer: the middle of its range rounded down
 * (0 for "within a year"), and 20 for "more than 10 years", a typical long horizon (the model treats
 * every horizon beyond 40 years alike).
 */
export const HORIZON_YEARS_BY_OPTION: Readonly<Record<string, number>> = {
  'under-1': 0,
  '1-3': 2,
  '3-5': 4,
  '5-10': 7,
  'over-10': 20,
};

export interface RiskBand {
  readonly level: RiskLevel;
  readonly name: string;
  readonly minPoints: number;
  readonly maxPoints: number;
}

const HIGHEST_BAND: RiskBand = { level: 5, name: 'Very adventurous', minPoints: 22, maxPoints: 28 };

/** The bands over 0–28 points (see the top of this file). */
export const RISK_BANDS: readonly RiskBand[] = [
  { level: 1, name: 'Very cautious', minPoints: 0, maxPoints: 3 },
  { level: 2, name: 'Cautious', minPoints: 4, maxPoints: 9 },
  { level: 3, name: 'Balanced', minPoints: 10, maxPoints: 15 },
  { level: 4, name: 'Adventurous', minPoints: 16, maxPoints: 21 },
  HIGHEST_BAND,
];

export const MAX_RISK_POINTS = RISK_QUESTIONS.reduce(
  (sum, question) => sum + Math.max(...question.options.map((option) => option.points)),
  0,
);

export interface ScoredAnswer {
  readonly question: RiskQuestion;
  readonly option: RiskOption;
}

export interface RiskScore {
  readonly answers: readonly ScoredAnswer[];
  readonly total: number;
  readonly maxTotal: number;
  readonly band: RiskBand;
}

/** The option chosen for `question`, or undefined when unanswered or answered with an unknown id. */
export function chosenOption(question: RiskQuestion, answers: RiskAnswers): RiskOption | undefined {
  const optionId = answers[question.id];
  return question.options.find((option) => option.id === optionId);
}

/** "Investment horizon: When will you need most of this money?", the question's legend. */
export function questionText(question: RiskQuestion): string {
  return `${question.title}: ${question.prompt}`;
}

/** The questions without a (valid) answer, in questionnaire order. */
export function unansweredQuestions(answers: RiskAnswers): readonly RiskQuestion[] {
  return RISK_QUESTIONS.filter((question) => !chosenOption(question, answers));
}

/** The band holding `points`; totals outside 0–28 are clamped into it. */
export function riskBandForPoints(points: number): RiskBand {
  return RISK_BANDS.find((band) => points <= band.maxPoints) ?? HIGHEST_BAND;
}

/** The score of a complete questionnaire; null while any question is unanswered. */
export function scoreRiskAnswers(answers: RiskAnswers): RiskScore | null {
  const scored: ScoredAnswer[] = [];
  for (const question of RISK_QUESTIONS) {
    const option = chosenOption(question, answers);
    if (!option) return null;
    scored.push({ question, option });
  }
  const total = scored.reduce((sum, answer) => sum + answer.option.points, 0);
  return { answers: scored, total, maxTotal: MAX_RISK_POINTS, band: riskBandForPoints(total) };
}

/** Years until the money is needed, from the horizon answer; null while it is unanswered. */
export function horizonYearsFromAnswers(answers: RiskAnswers): number | null {
  const optionId = answers.horizon;
  if (optionId === undefined) return null;
  return HORIZON_YEARS_BY_OPTION[optionId] ?? null;
}

/** The band's name for a level, e.g. "Balanced" for 3. */
export function riskLevelName(level: RiskLevel): string {
  return RISK_BANDS.find((band) => band.level === level)?.name ?? '';
}
