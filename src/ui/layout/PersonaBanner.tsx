import { useTranslation } from 'react-i18next';
import { personaName } from '../advisor/persona-name';
import { useAdvisor } from '../store-context';

/** On every page while a demo persona is active: whose data is shown, and the way back. */
export function PersonaBanner() {
  const { t } = useTranslation();
  const active = useAdvisor((state) => state.active);
  const working = useAdvisor((state) => state.working);
  const switchTo = useAdvisor((state) => state.switchTo);
  if (active.kind === 'owner') return null;
  return (
    <div className="persona-banner" role="status" data-testid="persona-banner" data-persona={active.id}>
      <p>{t('advisor.banner.persona', { name: personaName(t, active.id) })}</p>
      <button type="button" disabled={working !== null} onClick={() => void switchTo({ kind: 'owner' })}>
        {t('advisor.banner.back')}
      </button>
    </div>
  );
}
