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
 *
 * The texts are catalog keys (profile.risk.*): the UI writes them in the person's language.
 */
import { message, type MessageKey, type UiMessage } from '../i18n/message';
import type { RiskLevel } from '../protocol/engine-api';

export type RiskQuestionId = 'horizon' | 'drawdown' | 'income' | 'experience' | 'liquidity' | 'objective';

export interface RiskOption {
  readonly id: string;
  readonly labelKey: MessageKey;
  readonly points: number;
}

export interface RiskQuestion {
  readonly id: RiskQuestionId;
  /** A short name, used when listing unanswered questions and in the score explanation. */
  readonly titleKey: MessageKey;
  /** The question as asked. */
  readonly promptKey: MessageKey;
  /** From the most cautious answer to the boldest. */
  readonly options: readonly RiskOption[];
}

/** Question id → chosen option id; what ProfileInput.answers holds. */
export type RiskAnswers = Readonly<Record<string, string>>;

export const RISK_QUESTIONS: readonly RiskQuestion[] = [
  {
    id: 'horizon',
    titleKey: 'profile.risk.questions.horizon.title',
    promptKey: 'profile.risk.questions.horizon.prompt',
    options: [
      { id: 'under-1', labelKey: 'profile.risk.questions.horizon.options.under-1', points: 0 },
      { id: '1-3', labelKey: 'profile.risk.questions.horizon.options.1-3', points: 2 },
      { id: '3-5', labelKey: 'profile.risk.questions.horizon.options.3-5', points: 4 },
      { id: '5-10', labelKey: 'profile.risk.questions.horizon.options.5-10', points: 6 },
      { id: 'over-10', labelKey: 'profile.risk.questions.horizon.options.over-10', points: 8 },
    ],
  },
  {
    id: 'drawdown',
    titleKey: 'profile.risk.questions.drawdown.title',
    promptKey: 'profile.risk.questions.drawdown.prompt',
    options: [
      { id: 'sell-all', labelKey: 'profile.risk.questions.drawdown.options.sell-all', points: 0 },
      { id: 'sell-some', labelKey: 'profile.risk.questions.drawdown.options.sell-some', points: 1 },
      { id: 'wait', labelKey: 'profile.risk.questions.drawdown.options.wait', points: 2 },
      { id: 'hold', labelKey: 'profile.risk.questions.drawdown.options.hold', points: 3 },
      { id: 'buy-more', labelKey: 'profile.risk.questions.drawdown.options.buy-more', points: 4 },
    ],
  },
  {
    id: 'income',
    titleKey: 'profile.risk.questions.income.title',
    promptKey: 'profile.risk.questions.income.prompt',
    options: [
      { id: 'none', labelKey: 'profile.risk.questions.income.options.none', points: 0 },
      { id: 'irregular', labelKey: 'profile.risk.questions.income.options.irregular', points: 1 },
      { id: 'could-change', labelKey: 'profile.risk.questions.income.options.could-change', points: 2 },
      { id: 'stable', labelKey: 'profile.risk.questions.income.options.stable', points: 3 },
      { id: 'very-stable', labelKey: 'profile.risk.questions.income.options.very-stable', points: 4 },
    ],
  },
  {
    id: 'experience',
    titleKey: 'profile.risk.questions.experience.title',
    promptKey: 'profile.risk.questions.experience.prompt',
    options: [
      { id: 'none', labelKey: 'profile.risk.questions.experience.options.none', points: 0 },
      { id: 'deposits', labelKey: 'profile.risk.questions.experience.options.deposits', points: 1 },
      { id: 'bonds-funds', labelKey: 'profile.risk.questions.experience.options.bonds-funds', points: 2 },
      { id: 'shares', labelKey: 'profile.risk.questions.experience.options.shares', points: 3 },
      { id: 'complex', labelKey: 'profile.risk.questions.experience.options.complex', points: 4 },
    ],
  },
  {
    id: 'liquidity',
    titleKey: 'profile.risk.questions.liquidity.title',
    promptKey: 'profile.risk.questions.liquidity.prompt',
    options: [
      { id: 'all', labelKey: 'profile.risk.questions.liquidity.options.all', points: 0 },
      { id: 'most', labelKey: 'profile.risk.questions.liquidity.options.most', points: 1 },
      { id: 'some', labelKey: 'profile.risk.questions.liquidity.options.some', points: 2 },
      { id: 'little', labelKey: 'profile.risk.questions.liquidity.options.little', points: 3 },
      { id: 'none', labelKey: 'profile.risk.questions.liquidity.options.none', points: 4 },
    ],
  },
  {
    id: 'objective',
    titleKey: 'profile.risk.questions.objective.title',
    promptKey: 'profile.risk.questions.objective.prompt',
    options: [
      { id: 'preserve', labelKey: 'profile.risk.questions.objective.options.preserve', points: 0 },
      { id: 'income', labelKey: 'profile.risk.questions.objective.options.income', points: 1 },
      { id: 'balanced', labelKey: 'profile.risk.questions.objective.options.balanced', points: 2 },
      { id: 'growth', labelKey: 'profile.risk.questions.objective.options.growth', points: 3 },
      { id: 'max-growth', labelKey: 'profile.risk.questions.objective.options.max-growth', points: 4 },
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

/** A level's points; its name is riskLevelNameKey(level). */
export interface RiskBand {
  readonly level: RiskLevel;
  readonly minPoints: number;
  readonly maxPoints: number;
}

const HIGHEST_BAND: RiskBand = { level: 5, minPoints: 22, maxPoints: 28 };

/** The bands over 0–28 points (see the top of this file). */
export const RISK_BANDS: readonly RiskBand[] = [
  { level: 1, minPoints: 0, maxPoints: 3 },
  { level: 2, minPoints: 4, maxPoints: 9 },
  { level: 3, minPoints: 10, maxPoints: 15 },
  { level: 4, minPoints: 16, maxPoints: 21 },
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
export function questionText(question: RiskQuestion): UiMessage {
  return message('profile.risk.legend', { titleKey: question.titleKey, promptKey: question.promptKey });
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

/** The key of a level's name, e.g. "Balanced" for 3. */
export function riskLevelNameKey(level: RiskLevel): MessageKey {
  return `profile.risk.levels.r${level}`;
}
