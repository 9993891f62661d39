import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { PageHeading } from '../common/PageHeading';
import { personaName } from '../advisor/persona-name';
import { useAdvisor, useLedgerStore, usePrivacy } from '../store-context';
import { DataTransfer } from './DataTransfer';
import { EraseControl } from './EraseControl';
import { NetworkLedger } from './NetworkLedger';
import { PassphraseControl } from './PassphraseControl';
import { PersistenceNotice } from './PersistenceNotice';
import { RetentionControl } from './RetentionControl';
import { StoredDataView } from './StoredDataView';

/**
 * The privacy center: what is stored, and the person's controls over it. They act on the owner's
 * stored data, so while a demo persona is active (advisor mode) the page says so instead; the
 * network ledger stays.
 */
export function PrivacyPage() {
  const { t } = useTranslation();
  const ledger = useLedgerStore();
  const active = useAdvisor((state) => state.active);
  const switchTo = useAdvisor((state) => state.switchTo);
  const switching = useAdvisor((state) => state.working !== null);

  return (
    <div className="page" data-testid="privacy-page">
      <PageHeading>{t('privacy.page.title')}</PageHeading>
      <p className="lead">{t('privacy.page.lead')}</p>
      {active.kind === 'owner' ? (
        <OwnerData />
      ) : (
        <div className="warning" data-testid="advisor-privacy-notice">
          <p>
            <strong>{t('advisor.privacyNotice.title')}</strong>
          </p>
          <p>{t('advisor.privacyNotice.text', { name: personaName(t, active.id) })}</p>
          <button type="button" disabled={switching} onClick={() => void switchTo({ kind: 'owner' })}>
            {t('advisor.card.switchToOwner')}
          </button>
        </div>
      )}
      <NetworkLedger store={ledger} />
    </div>
  );
}

/** What is stored about the owner, and their controls over it. */
function OwnerData() {
  const { t } = useTranslation();
  const { report, reportError, refresh } = usePrivacy(
    useShallow((state) => ({ report: state.report, reportError: state.reportError, refresh: state.refresh })),
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <>
      {reportError && <EngineErrorNotice title={t('privacy.page.readError')} error={reportError} testId="stored-data-error" onRetry={() => void refresh()} />}
      {report ? <StoredDataView report={report} /> : !reportError && <p className="hint">{t('privacy.page.reading')}</p>}
      <PersistenceNotice />
      <DataTransfer />
      <RetentionControl />
      <PassphraseControl />
      <EraseControl intro={t('privacy.page.eraseIntro')} />
    </>
  );
}
