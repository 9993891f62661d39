import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { questionText, type RiskQuestion } from '../../state/risk-questionnaire';
import { messageText } from '../message-text';

/** One questionnaire question: a fieldset of native radio buttons (arrow keys move between them). */
export function RiskQuestionFieldset({
  question,
  value,
  error,
  onChange,
}: {
  question: RiskQuestion;
  value: string | undefined;
  /** The message to show under the question, once the form has been submitted without an answer. */
  error: string | undefined;
  onChange: (optionId: string) => void;
}) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const errorId = `${idPrefix}-error`;
  return (
    <fieldset
      className="question"
      id={`question-${question.id}`}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{messageText(t, questionText(question))}</legend>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      <div className="options">
        {question.options.map((option) => {
          const optionId = `${idPrefix}-${option.id}`;
          return (
            <div className="option" key={option.id}>
              <input
                type="radio"
                id={optionId}
                name={`${idPrefix}-${question.id}`}
                value={option.id}
                checked={value === option.id}
                onChange={() => {
                  onChange(option.id);
                }}
              />
              <label htmlFor={optionId}>{t(option.labelKey)}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
