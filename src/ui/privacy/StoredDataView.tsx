import type { ProductEventKind, StoredDataReport } from '../../protocol/engine-api';
import { EVENT_KIND_LABELS } from '../labels';
import { useCatalog } from '../store-context';

const PROTECTION_TEXT = {
  device:
    'Encrypted (AES-GCM) with a key this browser keeps for this site: other sites and other apps on this device cannot read it, but anyone who can use this browser profile can open the app and see it. On a shared computer, add a passphrase.',
  passphrase: 'Encrypted (AES-GCM) with a key made from your passphrase: without it, the stored data cannot be read.',
} as const;

function countByKind(report: StoredDataReport): [ProductEventKind, number][] {
  const counts = new Map<ProductEventKind, number>();
  for (const event of report.events) counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
  return [...counts];
}

/** Everything stored about the person, decrypted for them to see, with what it takes on disk. */
export function StoredDataView({ report }: { report: StoredDataReport }) {
  const products = useCatalog((state) => state.catalog?.products);
  const nameOf = (id: string) => products?.find((product) => product.id === id)?.name ?? id;
  const { profile, events, settings, stores } = report;
  const when = (at: number) => new Date(at).toLocaleString();

  return (
    <section className="panel" aria-labelledby="stored-heading" data-testid="stored-data">
      <h2 id="stored-heading">What is stored on this device</h2>
      <p>{PROTECTION_TEXT[report.protection]}</p>
      <dl className="stored-summary">
        <dt>Profile</dt>
        <dd data-testid="stored-profile">{profile ? `Risk level R${profile.riskLevel}, age ${profile.age}, ${profile.horizonYears}-year horizon` : 'None'}</dd>
        {profile && (
          <>
            <dt>Your goals</dt>
            <dd>{profile.goalsText}</dd>
          </>
        )}
        <dt>Events</dt>
        <dd data-testid="stored-event-count" data-count={events.length}>
          {events.length === 0 ? 'None' : `${events.length}: ${countByKind(report).map(([kind, count]) => `${EVENT_KIND_LABELS[kind]} ${count}`).join(', ')}`}
        </dd>
        <dt>Events kept</dt>
        <dd>{settings.retentionDays === null ? 'Until you erase them' : `${settings.retentionDays} days`}</dd>
      </dl>

      <div className="table-scroll" role="region" aria-labelledby="stores-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="stores-caption">Storage on this device</caption>
          <thead>
            <tr>
              <th scope="col">Store</th>
              <th scope="col">Records</th>
              <th scope="col">Size</th>
              <th scope="col">Encrypted</th>
            </tr>
          </thead>
          <tbody>
            {stores.map((store) => (
              <tr key={store.store}>
                <th scope="row">{store.store}</th>
                <td>{store.records}</td>
                <td>{store.bytes.toLocaleString()} bytes</td>
                <td>{store.encrypted ? 'Yes' : 'No (not personal)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {events.length > 0 && (
        <details>
          <summary>Show every stored event ({events.length})</summary>
          <ol className="event-log" data-testid="stored-events">
            {[...events].reverse().map((event, index) => (
              <li key={`${event.at}-${index}`}>
                <time dateTime={new Date(event.at).toISOString()}>{when(event.at)}</time> · {EVENT_KIND_LABELS[event.kind]} · {nameOf(event.productId)}
                {event.dwellMs !== undefined && ` · ${Math.round(event.dwellMs / 1000)} s`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
