import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { ResourceRecord } from '../../protocol/engine-api';
import type { Ledger, LedgerMethod, NetworkLedgerStore } from '../../state/network-ledger-store';
import { formatBytes } from '../format';
import '../styles/privacy-ledger.css';

const CONTEXT_LABELS: Readonly<Record<ResourceRecord['context'], string>> = {
  page: 'Page',
  'engine-worker': 'Engine worker',
};

const METHOD_LABELS: Readonly<Record<LedgerMethod, string>> = {
  GET: 'GET',
  POST: 'POST',
  'not visible': 'Not visible',
};

/**
 * Every request made since the page loaded, from the browser's own record of them (resource timing)
 * in the page and in the engine worker, with the verdict computed from them and what the record
 * cannot show. Reads them again every few seconds while shown.
 */
export function NetworkLedger({ store }: { store: NetworkLedgerStore }) {
  const ledger = useStore(store, (state) => state.ledger);
  const refresh = useStore(store, (state) => state.refresh);
  useEffect(() => store.getState().watch(), [store]);

  return (
    <section className="panel network-ledger" aria-labelledby="network-ledger-heading">
      <h2 id="network-ledger-heading">Network ledger</h2>
      <p>
        Every request this app has made since the page loaded, as your browser itself recorded it: in the page, and in the
        engine worker that runs the models. It is checked here, on your device, as it grows.
      </p>
      <LedgerVerdictText ledger={ledger} />
      {ledger && (
        <>
          {ledger.gaps.length > 0 && (
            <ul className="ledger-gaps">
              {ledger.gaps.map((gap) => (
                <li key={gap}>{gap}</li>
              ))}
            </ul>
          )}
          <p className="count" data-testid="ledger-counts">
            {countOf(ledger.rows.length, 'request')}, {byteText(ledger.transferBytes)} received over the network.
          </p>
          <LedgerTable ledger={ledger} />
        </>
      )}
      <h3>What the ledger cannot see</h3>
      <ul className="ledger-limits">
        <li>
          The method and body of a request made with <code>fetch()</code>
          {ledger ? ` (${ledger.bodiesNotVisible} of the requests above)` : ''}: the browser records its address, size and
          timing only. The project&apos;s privacy audit (<code>npm run audit:privacy</code>) records them in a test browser.
        </li>
        <li>
          The service worker&apos;s own downloads, when it copies this app&apos;s files for offline use: they happen in its own
          context, which the page cannot read. The privacy audit records them too.
        </li>
        <li>Request headers, such as cookies.</li>
        <li>Connections that are not requests for a file (WebSocket, WebRTC).</li>
      </ul>
      <button type="button" className="button-secondary" onClick={() => void refresh()}>
        Check again
      </button>
    </section>
  );
}

function LedgerVerdictText({ ledger }: { ledger: Ledger | null }) {
  if (!ledger) {
    return (
      <p className="ledger-verdict" data-testid="ledger-verdict" data-verdict="pending">
        Reading the browser&apos;s record of requests…
      </p>
    );
  }
  const total = ledger.rows.length;
  const text = {
    clean: `No request carried personal data in its address: ${total === 1 ? 'the one request' : `all ${total}`} went to this site, for files of this app, with no query but the page's own settings.`,
    violations: `${ledger.flagged} of ${countOf(total, 'request')} could not be shown free of personal data: the reasons are in the table.`,
    incomplete: `None of the ${countOf(total, 'request')} failed the check, but the check is incomplete:`,
  }[ledger.verdict];
  return (
    <p className={`ledger-verdict ledger-verdict-${ledger.verdict}`} data-testid="ledger-verdict" data-verdict={ledger.verdict}>
      {text}
    </p>
  );
}

function LedgerTable({ ledger }: { ledger: Ledger }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="network-ledger-caption" tabIndex={0}>
      <table className="data-table ledger-table" data-testid="network-ledger">
        <caption id="network-ledger-caption">Requests since the page loaded: the page&apos;s first, then the engine worker&apos;s</caption>
        <thead>
          <tr>
            <th scope="col">Address</th>
            <th scope="col">Method</th>
            <th scope="col">Received</th>
            <th scope="col">Initiator</th>
            <th scope="col">Made by</th>
            <th scope="col">Check</th>
          </tr>
        </thead>
        <tbody>
          {ledger.rows.map((row, index) => (
            // Rows hold no state, so an index key costs at most a re-render when rows shift.
            <tr key={index} data-testid="ledger-row" data-flagged={row.problems.length > 0}>
              <td className="ledger-address">{row.address}</td>
              <td className="ledger-word">{METHOD_LABELS[row.method]}</td>
              <td className="number">{byteText(row.record.transferBytes)}</td>
              <td className="ledger-word">{row.record.initiator}</td>
              <td className="ledger-word">{CONTEXT_LABELS[row.record.context]}</td>
              <td>
                {row.problems.length === 0 ? (
                  'Passed'
                ) : (
                  <ul className="ledger-problems">
                    {row.problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** Exact bytes below a kilobyte ("300 B"), where formatBytes would round to "0 kB". */
function byteText(bytes: number): string {
  return bytes < 1000 ? `${bytes} B` : formatBytes(bytes);
}
