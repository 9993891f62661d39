import type { Ref } from 'react';
import type { FormIssue } from '../../state/profile-form';

/**
 * The list of what still needs doing, focused when a submit fails so it is read out at once. Not a
 * live region: focus already reads it, and it is kept up to date as each problem is fixed, which an
 * alert would announce again every time.
 */
export function FormErrors({ issues, ref }: { issues: readonly FormIssue[]; ref: Ref<HTMLDivElement> }) {
  return (
    <div className="form-errors" data-testid="form-errors" tabIndex={-1} ref={ref}>
      <p className="error-title">
        {issues.length === 1 ? 'One thing needs your attention' : `${issues.length} things need your attention`} before
        your profile can be saved:
      </p>
      <ul>
        {issues.map((issue) => (
          <li key={issue.field}>{issue.message}</li>
        ))}
      </ul>
    </div>
  );
}
