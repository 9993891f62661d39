import { useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { usePrivacy } from '../store-context';
import { ActionStatus } from './ActionStatus';
import { downloadTextFile } from './download-file';

/** Export to a JSON file (docs/person-export-format.md) and import of such a file, after a confirmation. */
export function DataTransfer() {
  const { t } = useTranslation();
  const exportData = usePrivacy((state) => state.exportData);
  const importData = usePrivacy((state) => state.importData);
  const busy = usePrivacy((state) => state.lastAction?.status === 'working');
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);

  async function exportToFile() {
    const file = await exportData();
    if (!file) return;
    const day = file.exportedAt.slice(0, 10);
    downloadTextFile(`finance-recommender-export-${day}.json`, `${JSON.stringify(file, null, 2)}\n`);
  }

  function forgetChoice() {
    setChosen(null);
    // The same file can be chosen again.
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <section className="panel" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('privacy.transfer.heading')}</h2>
      <p>{t('privacy.transfer.intro')}</p>
      <div className="action-row">
        <button type="button" data-testid="export-data" disabled={busy} onClick={() => void exportToFile()}>
          {t('privacy.export.button')}
        </button>
      </div>
      <ActionStatus action="export" testId="export-status" />
      <div className="field">
        <label htmlFor="import-file">{t('privacy.import.label')}</label>
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          disabled={busy}
          onChange={(event) => setChosen(event.currentTarget.files?.[0] ?? null)}
        />
      </div>
      {chosen && (
        <div className="confirm-box" role="group" aria-labelledby="import-confirm-question">
          <p id="import-confirm-question">
            {/* The file's name is the person's own text, kept as typed. */}
            <Trans i18nKey="privacy.import.question" values={{ name: chosen.name }} components={{ name: <span lang="en" /> }} />
          </p>
          <div className="action-row">
            <button
              type="button"
              data-testid="import-confirm"
              disabled={busy}
              onClick={() => {
                void importData(chosen);
                forgetChoice();
              }}
            >
              {t('privacy.import.replace')}
            </button>
            <button type="button" className="button-secondary" onClick={forgetChoice}>
              {t('privacy.import.cancel')}
            </button>
          </div>
        </div>
      )}
      <ActionStatus action="import" testId="import-status" />
    </section>
  );
}
