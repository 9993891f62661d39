import { describe, expect, it } from 'vitest';
import { checkProfileDraft, draftFromProfile, EMPTY_DRAFT, type ProfileDraft } from '../src/state/profile-form';

const COMPLETE: ProfileDraft = {
  answers: { horizon: '3-5', drawdown: 'wait', income: 'stable', experience: 'deposits', liquidity: 'some', objective: 'income' },
  age: ' 41 ',
  goalsText: '  Save for a home deposit.  ',
};

describe('checkProfileDraft', () => {
  it('turns a complete draft into a profile: level from the score, horizon from the answer, trimmed text', () => {
    const check = checkProfileDraft(COMPLETE);
    if (!check.ok) throw new Error(check.issues.map((issue) => issue.message).join(' '));
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
    expect(check.issues[0]!.message).toBe('Answer question 2: Reaction to a 20% fall: Your investments lose 20% of their value in a few months. What do you do?');
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
    expect(long.ok ? null : long.issues[0]!.message).toContain('at most 500 characters (now 501)');
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
