import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { PageHeading } from '../common/PageHeading';
import { useLedgerStore, usePrivacy } from '../store-context';
import { DataTransfer } from './DataTransfer';
import { EraseControl } from './EraseControl';
import { NetworkLedger } from './NetworkLedger';
import { PassphraseControl } from './PassphraseControl';
import { PersistenceNotice } from './PersistenceNotice';
import { RetentionControl } from './RetentionControl';
import { StoredDataView } from './StoredDataView';

/** The privacy center: what is stored, and the person's controls over it. */
export function PrivacyPage() {
  const ledger = useLedgerStore();
  const { report, reportError, refresh } = usePrivacy(
    useShallow((state) => ({ report: state.report, reportError: state.reportError, refresh: state.refresh })),
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="page" data-testid="privacy-page">
      <PageHeading>Privacy center</PageHeading>
      <p className="lead">
        Everything this app knows about you is on this device, encrypted. Nothing is sent anywhere: below is what is stored,
        what you can do with it, and every request this page has made.
      </p>
      {reportError && <EngineErrorNotice title="Your stored data could not be read" error={reportError} testId="stored-data-error" onRetry={() => void refresh()} />}
      {report ? <StoredDataView report={report} /> : !reportError && <p className="hint">Reading what is stored…</p>}
      <PersistenceNotice />
      <DataTransfer />
      <RetentionControl />
      <PassphraseControl />
      <EraseControl intro="Deletes your profile, every event, your settings, the encryption key and this site's caches and local storage from this device." />
      <NetworkLedger store={ledger} />
    </div>
  );
}
