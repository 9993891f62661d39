import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { PageHeading } from '../common/PageHeading';
import { useAdvisor } from '../store-context';
import { OwnerCard, PersonaCard } from './PersonaCard';
import { PersonaComparison } from './PersonaComparison';

/**
 * Advisor mode: the demo personas, one click to show any of them on every page (and back to the
 * owner), a reset per persona, and two personas compared side by side.
 */
export function AdvisorPage() {
  const { t } = useTranslation();
  const personas = useAdvisor((state) => state.personas);
  const error = useAdvisor((state) => state.error);
  const loadPersonas = useAdvisor((state) => state.loadPersonas);

  useEffect(() => {
    void loadPersonas();
  }, [loadPersonas]);

  return (
    <div className="advisor-page">
      <PageHeading>{t('advisor.page.title')}</PageHeading>
      <p>{t('advisor.page.intro')}</p>
      <p className="hint">{t('advisor.page.apart')}</p>
      {error && <EngineErrorNotice title={t(`advisor.errors.${error.action}`)} error={error.error} testId="advisor-error" />}
      <ul className="persona-grid" data-testid="persona-list" aria-busy={personas === null}>
        <OwnerCard />
        {personas?.map((persona) => <PersonaCard key={persona.id} persona={persona} />)}
      </ul>
      <PersonaComparison />
    </div>
  );
}
