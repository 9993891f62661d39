import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormIssue } from '../../state/profile-form';
import { messageText } from '../message-text';

/**
 * The list of what still needs doing, focused when a submit fails so it is read out at once. Not a
 * live region: focus already reads it, and it is kept up to date as each problem is fixed, which an
 * alert would announce again every time.
 */
export function FormErrors({ issues, ref }: { issues: readonly FormIssue[]; ref: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  return (
    <div className="form-errors" data-testid="form-errors" tabIndex={-1} ref={ref}>
      <p className="error-title">{t('profile.form.errorSummary', { count: issues.length })}</p>
      <ul>
        {issues.map((issue) => (
          <li key={issue.field}>{messageText(t, issue.message)}</li>
        ))}
      </ul>
    </div>
  );
}
