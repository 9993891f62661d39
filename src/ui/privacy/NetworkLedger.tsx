import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Ledger, LedgerMessage, NetworkLedgerStore } from '../../state/network-ledger-store';
import { useByteText } from './byte-text';
import '../styles/privacy-ledger.css';

/**
 * The tags the ledger's catalog texts use: a technical name or address, and technical English (an
 * error's message). Both stay English in every language, so they are marked so.
 */
const MARKUP = { code: <code lang="en" />, en: <span lang="en" /> };

/** One of the ledger's messages (a problem, a gap), with its technical parts marked as English. */
function LedgerText({ message }: { message: LedgerMessage }) {
  return <Trans i18nKey={message.key} values={message.values} components={MARKUP} />;
}

/**
 * Every request made since the page loaded, from the browser's own record of them (resource timing)
 * in the page and in the engine worker, with the verdict computed from them and what the record
 * cannot show. Reads them again every few seconds while shown.
 */
export function NetworkLedger({ store }: { store: NetworkLedgerStore }) {
  const { t } = useTranslation();
  const byteText = useByteText();
  const ledger = useStore(store, (state) => state.ledger);
  const refresh = useStore(store, (state) => state.refresh);
  useEffect(() => store.getState().watch(), [store]);

  return (
    <section className="panel network-ledger" aria-labelledby="network-ledger-heading">
      <h2 id="network-ledger-heading">{t('privacy.ledger.heading')}</h2>
      <p>{t('privacy.ledger.intro')}</p>
      <LedgerVerdictText ledger={ledger} />
      {ledger && (
        <>
          {ledger.gaps.length > 0 && (
            <ul className="ledger-gaps">
              {ledger.gaps.map((gap) => (
                <li key={gap.key}>
                  <LedgerText message={gap} />
                </li>
              ))}
            </ul>
          )}
          <p className="count" data-testid="ledger-counts">
            {t('privacy.ledger.counts', { count: ledger.rows.length, bytes: byteText(ledger.transferBytes) })}
          </p>
          <LedgerTable ledger={ledger} />
        </>
      )}
      <h3>{t('privacy.ledger.limitsHeading')}</h3>
      <ul className="ledger-limits">
        <li>
          {ledger ? (
            <Trans i18nKey="privacy.ledger.limits.fetchBodyCounted" values={{ requests: ledger.bodiesNotVisible }} components={MARKUP} />
          ) : (
            <Trans i18nKey="privacy.ledger.limits.fetchBody" components={MARKUP} />
          )}
        </li>
        <li>{t('privacy.ledger.limits.serviceWorker')}</li>
        <li>
          <Trans i18nKey="privacy.ledger.limits.headers" components={MARKUP} />
        </li>
        <li>
          <Trans i18nKey="privacy.ledger.limits.sockets" components={MARKUP} />
        </li>
      </ul>
      <button type="button" className="button-secondary" onClick={() => void refresh()}>
        {t('privacy.ledger.checkAgain')}
      </button>
    </section>
  );
}

function LedgerVerdictText({ ledger }: { ledger: Ledger | null }) {
  const { t } = useTranslation();
  if (!ledger) {
    return (
      <p className="ledger-verdict" data-testid="ledger-verdict" data-verdict="pending">
        {t('privacy.ledger.reading')}
      </p>
    );
  }
  return (
    <p className={`ledger-verdict ledger-verdict-${ledger.verdict}`} data-testid="ledger-verdict" data-verdict={ledger.verdict}>
      {t(`privacy.ledger.verdict.${ledger.verdict}`, { count: ledger.rows.length, flagged: ledger.flagged })}
    </p>
  );
}

function LedgerTable({ ledger }: { ledger: Ledger }) {
  const { t } = useTranslation();
  const byteText = useByteText();
  return (
    <div className="table-scroll" role="region" aria-labelledby="network-ledger-caption" tabIndex={0}>
      <table className="data-table ledger-table" data-testid="network-ledger">
        <caption id="network-ledger-caption">{t('privacy.ledger.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('privacy.ledger.column.address')}</th>
            <th scope="col">{t('privacy.ledger.column.method')}</th>
            <th scope="col">{t('privacy.ledger.column.received')}</th>
            <th scope="col">{t('privacy.ledger.column.initiator')}</th>
            <th scope="col">{t('privacy.ledger.column.madeBy')}</th>
            <th scope="col">{t('privacy.ledger.column.check')}</th>
          </tr>
        </thead>
        <tbody>
          {ledger.rows.map((row, index) => (
            // Rows hold no state, so an index key costs at most a re-render when rows shift.
            <tr key={index} data-testid="ledger-row" data-flagged={row.problems.length > 0}>
              {/* The address, the HTTP method's name and the browser's initiator type are data, not text of the app. */}
              <td className="ledger-address" lang="en">
                {row.address}
              </td>
              <td className="ledger-word">{row.method === 'not visible' ? t('privacy.ledger.methodNotVisible') : <span lang="en">{row.method}</span>}</td>
              <td className="number">{byteText(row.record.transferBytes)}</td>
              <td className="ledger-word" lang="en">
                {row.record.initiator}
              </td>
              <td className="ledger-word">{t(`privacy.ledger.context.${row.record.context}`)}</td>
              <td>
                {row.problems.length === 0 ? (
                  t('privacy.ledger.passed')
                ) : (
                  <ul className="ledger-problems">
                    {row.problems.map((problem, problemIndex) => (
                      // One key may come twice (two unknown parameters): the position tells them apart.
                      <li key={`${problem.key}-${problemIndex}`}>
                        <LedgerText message={problem} />
                      </li>
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
