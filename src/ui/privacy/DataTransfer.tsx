import { useRef } from 'react';
import { usePrivacy } from '../store-context';
import { ActionStatus } from './ActionStatus';
import { downloadTextFile } from './download-file';

/** Export to a JSON file (docs/person-export-format.md) and import of such a file. */
export function DataTransfer() {
  const exportData = usePrivacy((state) => state.exportData);
  const importData = usePrivacy((state) => state.importData);
  const busy = usePrivacy((state) => state.lastAction?.status === 'working');
  const fileInput = useRef<HTMLInputElement>(null);

  async function exportToFile() {
    const file = await exportData();
    if (!file) return;
    const day = file.exportedAt.slice(0, 10);
    downloadTextFile(`finance-recommender-export-${day}.json`, `${JSON.stringify(file, null, 2)}\n`);
  }

  return (
    <section className="panel" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Export and import</h2>
      <p>
        The export is one JSON file with your profile, every event and your settings, unencrypted: keep it somewhere safe.
        Importing a file replaces everything stored here with what it holds.
      </p>
      <div className="action-row">
        <button type="button" data-testid="export-data" disabled={busy} onClick={() => void exportToFile()}>
          Export my data
        </button>
      </div>
      <ActionStatus action="export" testId="export-status" />
      <div className="field">
        <label htmlFor="import-file">Import an export file</label>
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          disabled={busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (!file) return;
            void importData(file).finally(() => {
              // The same file can be chosen again after a failure.
              if (fileInput.current) fileInput.current.value = '';
            });
          }}
        />
      </div>
      <ActionStatus action="import" testId="import-status" />
    </section>
  );
}
