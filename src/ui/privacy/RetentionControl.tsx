import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { usePrivacy } from '../store-context';
import { ActionStatus } from './ActionStatus';

/** The periods offered, in days; `null` keeps events until the person erases them. */
const RETENTION_CHOICES: readonly (number | null)[] = [null, 30, 90, 180, 365];

const FOREVER = 'forever';

const asValue = (days: number | null) => (days === null ? FOREVER : String(days));

function choiceLabel(t: TFunction, days: number | null): string {
  if (days === null) return t('privacy.retention.forever');
  return days === 365 ? t('privacy.retention.oneYear') : t('privacy.retention.days', { count: days });
}

/**
 * How long events are kept; older ones are deleted now and at each start. Applied with a button,
 * not on choosing: moving through the list with the arrow keys must not delete anything.
 */
export function RetentionControl() {
  const { t } = useTranslation();
  const current = usePrivacy((state) => state.report?.settings.retentionDays);
  const setRetention = usePrivacy((state) => state.setRetention);
  const busy = usePrivacy((state) => state.lastAction?.status === 'working');
  const [chosen, setChosen] = useState<string | null>(null);
  // An imported file may carry a period that is not offered: show it as a choice too.
  const choices = current === undefined || RETENTION_CHOICES.includes(current) ? RETENTION_CHOICES : [...RETENTION_CHOICES, current];
  const value = chosen ?? (current === undefined ? FOREVER : asValue(current));
  const changed = current !== undefined && value !== asValue(current);

  return (
    <section className="panel" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('privacy.retention.heading')}</h2>
      <p>{t('privacy.retention.intro')}</p>
      <div className="field">
        <label htmlFor="retention-select">{t('privacy.retention.label')}</label>
        <select id="retention-select" data-testid="retention-select" value={value} disabled={current === undefined} onChange={(event) => setChosen(event.currentTarget.value)}>
          {choices.map((days) => (
            <option key={asValue(days)} value={asValue(days)}>
              {choiceLabel(t, days)}
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
        {t('privacy.retention.apply')}
      </button>
      <ActionStatus action="retention" testId="retention-status" />
    </section>
  );
}
