import { useState } from 'react';
import { usePrivacy } from '../store-context';
import { ActionStatus } from './ActionStatus';

/** The periods offered; `null` keeps events until the person erases them. */
const RETENTION_CHOICES: readonly { readonly days: number | null; readonly label: string }[] = [
  { days: null, label: 'Until I erase them' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 180, label: '180 days' },
  { days: 365, label: '1 year' },
];

const FOREVER = 'forever';

const asValue = (days: number | null) => (days === null ? FOREVER : String(days));

/**
 * How long events are kept; older ones are deleted now and at each start. Applied with a button,
 * not on choosing: moving through the list with the arrow keys must not delete anything.
 */
export function RetentionControl() {
  const current = usePrivacy((state) => state.report?.settings.retentionDays);
  const setRetention = usePrivacy((state) => state.setRetention);
  const busy = usePrivacy((state) => state.lastAction?.status === 'working');
  const [chosen, setChosen] = useState<string | null>(null);
  // An imported file may carry a period that is not offered: show it as a choice too.
  const choices = current === undefined || RETENTION_CHOICES.some((choice) => choice.days === current) ? RETENTION_CHOICES : [...RETENTION_CHOICES, { days: current, label: `${current} days` }];
  const value = chosen ?? (current === undefined ? FOREVER : asValue(current));
  const changed = current !== undefined && value !== asValue(current);

  return (
    <section className="panel" aria-labelledby="retention-heading">
      <h2 id="retention-heading">How long events are kept</h2>
      <p>Events older than this are deleted from this device when you apply it and each time the app starts. Your profile is kept.</p>
      <div className="field">
        <label htmlFor="retention-select">Keep events for</label>
        <select id="retention-select" data-testid="retention-select" value={value} disabled={current === undefined} onChange={(event) => setChosen(event.currentTarget.value)}>
          {choices.map((choice) => (
            <option key={choice.label} value={asValue(choice.days)}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        data-testid="retention-apply"
        disabled={busy || !changed}
        onClick={() => {
          void setRetention(value === FOREVER ? null : Number(value)).then(() => setChosen(null));
        }}
      >
        Apply
      </button>
      <ActionStatus action="retention" testId="retention-status" />
    </section>
  );
}
