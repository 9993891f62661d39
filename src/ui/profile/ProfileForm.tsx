import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { AGE_MAX, AGE_MIN, MAX_GOALS_TEXT_LENGTH, type ProfileInput } from '../../protocol/engine-api';
import {
  checkProfileDraft,
  draftFromProfile,
  type ProfileDraft,
  type ProfileField,
} from '../../state/profile-form';
import { RISK_QUESTIONS } from '../../state/risk-questionnaire';
import { useFormat } from '../format';
import { messageText } from '../message-text';
import { FormErrors } from './FormErrors';
import { RiskQuestionFieldset } from './RiskQuestionFieldset';

/** Sample goals, shown in the empty field: English input, like the goals themselves, in every UI language. */
const GOALS_EXAMPLE = 'For example: build an emergency fund this year, then save for a home in five years.';

/**
 * The risk questionnaire, age and goals. Calls `onValid` with the profile when everything is
 * answered; otherwise lists what is missing (kept up to date as it is fixed) and moves focus there.
 * `initial` is read once, when the form mounts.
 */
export function ProfileForm({
  initial,
  submitLabel,
  onValid,
}: {
  initial: ProfileInput | null;
  submitLabel: string;
  onValid: (profile: ProfileInput) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = useId();
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(initial));
  const [submitted, setSubmitted] = useState(false);
  const errorsRef = useRef<HTMLDivElement>(null);

  const check = checkProfileDraft(draft);
  const issues = submitted && !check.ok ? check.issues : [];
  const issueFor = (field: ProfileField) => {
    const issue = issues.find((candidate) => candidate.field === field);
    return issue && messageText(t, issue.message);
  };
  const ageError = issueFor('age');
  const goalsError = issueFor('goals');

  function submit(event: SyntheticEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (check.ok) {
      setSubmitted(false);
      onValid(check.profile);
      return;
    }
    // Render the list first, so that there is something to move focus to.
    flushSync(() => {
      setSubmitted(true);
    });
    errorsRef.current?.focus();
  }

  return (
    <form className="profile-form" data-testid="profile-form" noValidate onSubmit={submit}>
      {issues.length > 0 && <FormErrors issues={issues} ref={errorsRef} />}

      <h2>{t('profile.form.riskTitle')}</h2>
      <p className="hint">{t('profile.form.riskHint')}</p>
      {RISK_QUESTIONS.map((question) => (
        <RiskQuestionFieldset
          key={question.id}
          question={question}
          value={draft.answers[question.id]}
          error={issueFor(question.id)}
          onChange={(optionId) => {
            setDraft((current) => ({ ...current, answers: { ...current.answers, [question.id]: optionId } }));
          }}
        />
      ))}

      <h2>{t('profile.form.aboutTitle')}</h2>
      <div className="field">
        <label htmlFor={`${ids}-age`}>{t('profile.form.age')}</label>
        <input
          id={`${ids}-age`}
          className="age-input"
          type="number"
          inputMode="numeric"
          min={AGE_MIN}
          max={AGE_MAX}
          step={1}
          value={draft.age}
          aria-invalid={ageError ? true : undefined}
          aria-describedby={`${ids}-age-hint${ageError ? ` ${ids}-age-error` : ''}`}
          onChange={(event) => {
            setDraft((current) => ({ ...current, age: event.target.value }));
          }}
        />
        <p className="hint" id={`${ids}-age-hint`}>
          {t('profile.form.ageHint', { min: format.number(AGE_MIN), max: format.number(AGE_MAX) })}
        </p>
        {ageError && (
          <p className="field-error" id={`${ids}-age-error`}>
            {ageError}
          </p>
        )}
      </div>

      <div className="field">
        <label htmlFor={`${ids}-goals`}>{t('profile.form.goals')}</label>
        {/* English: the encoder on this device reads English, whatever the UI's language (the hint says so). */}
        <textarea
          id={`${ids}-goals`}
          lang="en"
          rows={4}
          maxLength={MAX_GOALS_TEXT_LENGTH}
          value={draft.goalsText}
          placeholder={GOALS_EXAMPLE}
          aria-invalid={goalsError ? true : undefined}
          aria-describedby={`${ids}-goals-hint${goalsError ? ` ${ids}-goals-error` : ''}`}
          onChange={(event) => {
            setDraft((current) => ({ ...current, goalsText: event.target.value }));
          }}
        />
        <p className="hint" id={`${ids}-goals-hint`}>
          {t('profile.form.goalsHint', {
            max: format.number(MAX_GOALS_TEXT_LENGTH),
            used: format.number(draft.goalsText.length),
          })}
        </p>
        {goalsError && (
          <p className="field-error" id={`${ids}-goals-error`}>
            {goalsError}
          </p>
        )}
      </div>

      <button type="submit" className="button-primary">
        {submitLabel}
      </button>
    </form>
  );
}
