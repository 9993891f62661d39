import { useRef, useState } from 'react';
import { usePrivacy } from '../store-context';
import { ActionStatus } from './ActionStatus';
import { downloadTextFile } from './download-file';

/** Export to a JSON file (docs/person-export-format.md) and import of such a file, after a confirmation. */
export function DataTransfer() {
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
          onChange={(event) => setChosen(event.currentTarget.files?.[0] ?? null)}
        />
      </div>
      {chosen && (
        <div className="confirm-box" role="group" aria-labelledby="import-confirm-question">
          <p id="import-confirm-question">
            Replace your profile, every event and your settings on this device with what &quot;{chosen.name}&quot; holds?
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
              Replace with this file
            </button>
            <button type="button" className="button-secondary" onClick={forgetChoice}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ActionStatus action="import" testId="import-status" />
    </section>
  );
}
