import { describe, expect, it } from 'vitest';
import { createI18n } from '../src/i18n/i18n';
import {
  HORIZON_YEARS_BY_OPTION,
  horizonYearsFromAnswers,
  MAX_RISK_POINTS,
  questionText,
  RISK_BANDS,
  RISK_QUESTIONS,
  riskBandForPoints,
  riskLevelNameKey,
  scoreRiskAnswers,
  unansweredQuestions,
  type RiskAnswers,
} from '../src/state/risk-questionnaire';
import { messageText } from '../src/ui/message-text';

/** Every question answered with its option at `index` (0: the most cautious). */
function allAnsweredWith(index: number): RiskAnswers {
  return Object.fromEntries(RISK_QUESTIONS.map((question) => [question.id, question.options[index]!.id]));
}

describe('the risk questionnaire', () => {
  it('asks the six standard questions, options from cautious to bold, the horizon counting double', () => {
    expect(RISK_QUESTIONS.map((question) => question.id)).toEqual(['horizon', 'drawdown', 'income', 'experience', 'liquidity', 'objective']);
    for (const question of RISK_QUESTIONS) {
      const ids = question.options.map((option) => option.id);
      expect(new Set(ids).size).toBe(ids.length);
      const points = question.options.map((option) => option.points);
      expect(points).toEqual(question.id === 'horizon' ? [0, 2, 4, 6, 8] : [0, 1, 2, 3, 4]);
    }
    expect(MAX_RISK_POINTS).toBe(28);
  });

  it('has five contiguous bands R1–R5 covering 0 to the maximum', () => {
    expect(RISK_BANDS.map((band) => band.level)).toEqual([1, 2, 3, 4, 5]);
    expect(RISK_BANDS[0]!.minPoints).toBe(0);
    expect(RISK_BANDS.at(-1)!.maxPoints).toBe(MAX_RISK_POINTS);
    RISK_BANDS.slice(1).forEach((band, index) => {
      expect(band.minPoints).toBe(RISK_BANDS[index]!.maxPoints + 1);
    });
  });

  it('maps every total to its band, clamping out-of-range totals', () => {
    const expected = [1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5];
    expect(Array.from({ length: 29 }, (_, points) => riskBandForPoints(points).level)).toEqual(expected);
    expect(riskBandForPoints(-3).level).toBe(1);
    expect(riskBandForPoints(99).level).toBe(5);
  });

  it('scores a complete questionnaire as the sum of its answers’ points', () => {
    // The most cautious answers everywhere give R1, the middle ones R3, the boldest R5.
    expect(scoreRiskAnswers(allAnsweredWith(0))).toMatchObject({ total: 0, maxTotal: 28, band: { level: 1 } });
    expect(scoreRiskAnswers(allAnsweredWith(2))).toMatchObject({ total: 14, band: { level: 3 } });
    expect(scoreRiskAnswers(allAnsweredWith(4))).toMatchObject({ total: 28, band: { level: 5 } });
    // A 3–5 year horizon with otherwise the most cautious answers: R2.
    expect(scoreRiskAnswers({ ...allAnsweredWith(0), horizon: '3-5' })).toMatchObject({ total: 4, band: { level: 2 } });

    const mixed = { ...allAnsweredWith(1), objective: 'max-growth' }; // 2 + 4 × 1 + 4
    const score = scoreRiskAnswers(mixed);
    expect(score?.total).toBe(10);
    expect(score?.band.level).toBe(3);
    expect(score?.answers.map((answer) => answer.option.points)).toEqual([2, 1, 1, 1, 1, 4]);
  });

  it('gives no score while a question is unanswered or has an unknown option, and names those questions', () => {
    const answers: Record<string, string> = { ...allAnsweredWith(3) };
    delete answers.drawdown;
    answers.income = 'no-such-option';
    expect(allAnsweredWith(3).drawdown).toBe('hold');
    expect(scoreRiskAnswers(answers)).toBeNull();
    expect(unansweredQuestions(answers).map((question) => question.id)).toEqual(['drawdown', 'income']);
    expect(unansweredQuestions({})).toHaveLength(6);
  });

  it('derives the horizon in years from the horizon answer', () => {
    const horizon = RISK_QUESTIONS.find((question) => question.id === 'horizon')!;
    expect(Object.keys(HORIZON_YEARS_BY_OPTION)).toEqual(horizon.options.map((option) => option.id));
    expect(horizon.options.map((option) => horizonYearsFromAnswers({ horizon: option.id }))).toEqual([0, 2, 4, 7, 20]);
    expect(horizonYearsFromAnswers({})).toBeNull();
    expect(horizonYearsFromAnswers({ horizon: 'soon' })).toBeNull();
  });

  it('names its questions, answers and levels by catalog keys that both languages have', () => {
    const en = createI18n('en');
    const zh = createI18n('zh-CN');
    for (const i18n of [en, zh]) {
      for (const question of RISK_QUESTIONS) {
        for (const key of [question.titleKey, question.promptKey, ...question.options.map((option) => option.labelKey)]) {
          expect(i18n.exists(key, { lng: i18n.language, fallbackLng: false }), `${i18n.language} ${key}`).toBe(true);
        }
      }
    }
    const drawdown = RISK_QUESTIONS[1]!;
    expect(messageText(en.t, questionText(drawdown))).toBe(
      'Reaction to a 20% fall: Your investments lose 20% of their value in a few months. What do you do?',
    );
    expect(messageText(zh.t, questionText(drawdown))).toBe('面对 20% 下跌时的反应：您的投资在几个月内损失了 20% 的价值。您会怎么做？');
    expect(en.t(drawdown.options[0]!.labelKey)).toBe('Sell everything to stop further losses');
    expect(RISK_BANDS.map((band) => en.t(riskLevelNameKey(band.level)))).toEqual([
      'Very cautious',
      'Cautious',
      'Balanced',
      'Adventurous',
      'Very adventurous',
    ]);
    expect(RISK_BANDS.map((band) => zh.t(riskLevelNameKey(band.level)))).toEqual(['谨慎型', '稳健型', '平衡型', '成长型', '进取型']);
  });
});
