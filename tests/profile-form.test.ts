import { describe, expect, it } from 'vitest';
import { createI18n } from '../src/i18n/i18n';
import { checkProfileDraft, draftFromProfile, EMPTY_DRAFT, type ProfileDraft } from '../src/state/profile-form';
import { messageText } from '../src/ui/message-text';

const COMPLETE: ProfileDraft = {
  answers: { horizon: '3-5', drawdown: 'wait', income: 'stable', experience: 'deposits', liquidity: 'some', objective: 'income' },
  age: ' 41 ',
  goalsText: '  Save for a home deposit.  ',
};

describe('checkProfileDraft', () => {
  it('turns a complete draft into a profile: level from the score, horizon from the answer, trimmed text', () => {
    const check = checkProfileDraft(COMPLETE);
    if (!check.ok) throw new Error(check.issues.map((issue) => issue.message.key).join(' '));
    // 4 + 2 + 3 + 1 + 2 + 1 = 13 points: R3.
    expect(check.score.total).toBe(13);
    expect(check.profile).toEqual({
      riskLevel: 3,
      horizonYears: 4,
      age: 41,
      goalsText: 'Save for a home deposit.',
      answers: COMPLETE.answers,
    });
  });

  it('names every unanswered question and each other problem, in the form’s order', () => {
    const check = checkProfileDraft({ ...EMPTY_DRAFT, answers: { horizon: 'under-1', income: 'none' } });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.issues.map((issue) => issue.field)).toEqual(['drawdown', 'experience', 'liquidity', 'objective', 'age', 'goals']);
    expect(check.issues.map((issue) => issue.message.key)).toEqual([
      'profile.form.errors.unanswered',
      'profile.form.errors.unanswered',
      'profile.form.errors.unanswered',
      'profile.form.errors.unanswered',
      'profile.form.errors.age',
      'profile.form.errors.goalsEmpty',
    ]);
    expect(check.issues[0]!.message.values).toEqual({
      number: 2,
      titleKey: 'profile.risk.questions.drawdown.title',
      promptKey: 'profile.risk.questions.drawdown.prompt',
    });
    expect(check.issues[4]!.message.values).toEqual({ min: 18, max: 120 });
  });

  it('writes its messages out in English and in Chinese, the question named in the same language', () => {
    const check = checkProfileDraft({ ...COMPLETE, answers: { horizon: 'under-1' } });
    if (check.ok) throw new Error('incomplete draft accepted');
    const first = check.issues[0]!.message;
    expect(messageText(createI18n('en').t, first)).toBe(
      'Answer question 2: Reaction to a 20% fall: Your investments lose 20% of their value in a few months. What do you do?',
    );
    expect(messageText(createI18n('zh-CN').t, first)).toBe(
      '请回答第 2 题：面对 20% 下跌时的反应：您的投资在几个月内损失了 20% 的价值。您会怎么做？',
    );
    const age = checkProfileDraft({ ...COMPLETE, age: '7' });
    if (age.ok) throw new Error('age 7 accepted');
    expect(messageText(createI18n('en').t, age.issues[0]!.message)).toBe('Enter your age as a whole number of years from 18 to 120.');
    expect(messageText(createI18n('zh-CN').t, age.issues[0]!.message)).toBe('请输入您的年龄：18 至 120 之间的整数（周岁）。');
  });

  it.each(['17', '121', '40.5', 'forty', '', '-20'])('rejects the age %j', (age) => {
    const check = checkProfileDraft({ ...COMPLETE, age });
    expect(check.ok ? [] : check.issues.map((issue) => issue.field)).toEqual(['age']);
  });

  it.each(['18', '120'])('accepts the age %s', (age) => {
    expect(checkProfileDraft({ ...COMPLETE, age }).ok).toBe(true);
  });

  it('requires goals of 1–500 characters after trimming', () => {
    const blank = checkProfileDraft({ ...COMPLETE, goalsText: '   ' });
    const long = checkProfileDraft({ ...COMPLETE, goalsText: 'x'.repeat(501) });
    expect(blank.ok ? null : blank.issues[0]!.field).toBe('goals');
    expect(long.ok ? null : long.issues[0]!.message).toEqual({
      key: 'profile.form.errors.goalsTooLong',
      values: { max: 500, length: 501 },
    });
    expect(checkProfileDraft({ ...COMPLETE, goalsText: 'x'.repeat(500) }).ok).toBe(true);
  });

  it('drops answers to questions that no longer exist', () => {
    const check = checkProfileDraft({ ...COMPLETE, answers: { ...COMPLETE.answers, retired: 'yes' } });
    expect(check.ok && Object.keys(check.profile.answers)).toEqual(Object.keys(COMPLETE.answers));
  });

  it('prefills the form from a saved profile and round-trips it', () => {
    const check = checkProfileDraft(COMPLETE);
    if (!check.ok) throw new Error('complete draft rejected');
    const again = checkProfileDraft(draftFromProfile(check.profile));
    expect(again.ok && again.profile).toEqual(check.profile);
    expect(draftFromProfile(null)).toEqual(EMPTY_DRAFT);
  });
});
