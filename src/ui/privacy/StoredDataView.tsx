import { useTranslation } from 'react-i18next';
import type { ProductEventKind, StoredDataReport } from '../../protocol/engine-api';
import { useFormat } from '../format';
import { useCatalog } from '../store-context';
import { useByteText } from './byte-text';

function countByKind(report: StoredDataReport): [ProductEventKind, number][] {
  const counts = new Map<ProductEventKind, number>();
  for (const event of report.events) counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  return [...counts];
}

/** Everything stored about the person, decrypted for them to see, with what it takes on disk. */
export function StoredDataView({ report }: { report: StoredDataReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const byteText = useByteText();
  const products = useCatalog((state) => state.catalog?.products);
  const nameOf = (id: string) => products?.find((product) => product.id === id)?.name ?? id;
  const { profile, events, settings, stores } = report;
  const kinds = countByKind(report)
    .map(([kind, count]) => t('privacy.storedData.kindCount', { kind: t(`labels.eventKind.${kind}`), number: format.number(count) }))
    .join(t('privacy.storedData.kindSeparator'));

  return (
    <section className="panel" aria-labelledby="stored-heading" data-testid="stored-data">
      <h2 id="stored-heading">{t('privacy.storedData.heading')}</h2>
      <p>{t(`privacy.storedData.protection.${report.protection}`)}</p>
      <dl className="stored-summary">
        <dt>{t('privacy.storedData.profile')}</dt>
        <dd data-testid="stored-profile">
          {profile
            ? t('privacy.storedData.profileSummary', { risk: profile.riskLevel, age: format.number(profile.age), years: format.number(profile.horizonYears) })
            : t('privacy.storedData.none')}
        </dd>
        {profile && (
          <>
            <dt>{t('privacy.storedData.goals')}</dt>
            {/* The person's own words, kept as typed. */}
            <dd lang="en">{profile.goalsText}</dd>
          </>
        )}
        <dt>{t('privacy.storedData.events')}</dt>
        <dd data-testid="stored-event-count" data-count={events.length}>
          {events.length === 0 ? t('privacy.storedData.none') : t('privacy.storedData.eventSummary', { total: format.number(events.length), kinds })}
        </dd>
        <dt>{t('privacy.storedData.eventsKept')}</dt>
        <dd>{settings.retentionDays === null ? t('privacy.storedData.keptUntilErased') : t('privacy.storedData.keptDays', { count: settings.retentionDays })}</dd>
      </dl>

      <div className="table-scroll" role="region" aria-labelledby="stores-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="stores-caption">{t('privacy.storedData.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('privacy.storedData.column.store')}</th>
              <th scope="col">{t('privacy.storedData.column.records')}</th>
              <th scope="col">{t('privacy.storedData.column.size')}</th>
              <th scope="col">{t('privacy.storedData.column.encrypted')}</th>
            </tr>
          </thead>
          <tbody>
            {stores.map((store) => (
              <tr key={store.store}>
                {/* The database store's own name: data, as the browser's developer tools show it. */}
                <th scope="row" lang="en">
                  {store.store}
                </th>
                <td>{format.number(store.records)}</td>
                <td>{byteText(store.bytes)}</td>
                <td>{store.encrypted ? t('privacy.storedData.encryptedYes') : t('privacy.storedData.encryptedNo')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {events.length > 0 && (
        <details>
          <summary>{t('privacy.storedData.showEvents', { total: format.number(events.length) })}</summary>
          <ol className="event-log" data-testid="stored-events">
            {[...events].reverse().map((event, index) => (
              <li key={`${event.at}-${index}`}>
                <time dateTime={new Date(event.at).toISOString()}>{format.dateTime(event.at)}</time> · {t(`labels.eventKind.${event.kind}`)} ·{' '}
                <span lang="en">{nameOf(event.productId)}</span>
                {event.dwellMs !== undefined && ` · ${format.duration(event.dwellMs)}`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
