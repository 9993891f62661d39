/**
 * The profile form's draft and its validation into a ProfileInput: pure, so it is tested without a
 * page. Problems are catalog messages (profile.form.errors.*), written out by the UI.
 */
import { message, type UiMessage } from '../i18n/message';
import { AGE_MAX, AGE_MIN, MAX_GOALS_TEXT_LENGTH, type ProfileInput } from '../protocol/engine-api';
import {
  horizonYearsFromAnswers,
  RISK_QUESTIONS,
  scoreRiskAnswers,
  unansweredQuestions,
  type RiskAnswers,
  type RiskQuestionId,
  type RiskScore,
} from './risk-questionnaire';

/** What the form holds while it is being filled in: text fields as typed. */
export interface ProfileDraft {
  readonly answers: RiskAnswers;
  readonly age: string;
  readonly goalsText: string;
}

export type ProfileField = RiskQuestionId | 'age' | 'goals';

export interface FormIssue {
  readonly field: ProfileField;
  readonly message: UiMessage;
}

export type DraftCheck =
  | { readonly ok: true; readonly profile: ProfileInput; readonly score: RiskScore }
  | { readonly ok: false; readonly issues: readonly FormIssue[] };

export const EMPTY_DRAFT: ProfileDraft = { answers: {}, age: '', goalsText: '' };

/** The draft for editing a saved profile (or a blank one when there is none yet). */
export function draftFromProfile(profile: ProfileInput | null): ProfileDraft {
  if (!profile) return EMPTY_DRAFT;
  return { answers: { ...profile.answers }, age: String(profile.age), goalsText: profile.goalsText };
}

/** Every problem with the draft, in the form's order; or the profile it describes. */
export function checkProfileDraft(draft: ProfileDraft): DraftCheck {
  const issues: FormIssue[] = unansweredQuestions(draft.answers).map((question) => ({
    field: question.id,
    message: message('profile.form.errors.unanswered', {
      number: RISK_QUESTIONS.indexOf(question) + 1,
      titleKey: question.titleKey,
      promptKey: question.promptKey,
    }),
  }));

  const age = parseAge(draft.age);
  if (age === null) {
    issues.push({ field: 'age', message: message('profile.form.errors.age', { min: AGE_MIN, max: AGE_MAX }) });
  }

  const goalsText = draft.goalsText.trim();
  if (goalsText.length === 0) {
    issues.push({ field: 'goals', message: message('profile.form.errors.goalsEmpty') });
  } else if (goalsText.length > MAX_GOALS_TEXT_LENGTH) {
    issues.push({
      field: 'goals',
      message: message('profile.form.errors.goalsTooLong', { max: MAX_GOALS_TEXT_LENGTH, length: goalsText.length }),
    });
  }

  const score = scoreRiskAnswers(draft.answers);
  const horizonYears = horizonYearsFromAnswers(draft.answers);
  if (issues.length > 0 || !score || horizonYears === null || age === null) return { ok: false, issues };

  // Keep only the questionnaire's own answers, so stale ids from an older form are not saved.
  const answers = Object.fromEntries(score.answers.map(({ question, option }) => [question.id, option.id]));
  return {
    ok: true,
    score,
    profile: { riskLevel: score.band.level, horizonYears, age, goalsText, answers },
  };
}

/** A whole number of years in range, or null. */
function parseAge(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const age = Number(trimmed);
  return age >= AGE_MIN && age <= AGE_MAX ? age : null;
}
