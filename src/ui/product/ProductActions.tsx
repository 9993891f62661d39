import { useState } from 'react';
import type { ProductEventKind } from '../../protocol/engine-api';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { FavouriteButton } from '../common/FavouriteButton';
import { EVENT_CONFIRMATIONS } from '../labels';
import { usePerson } from '../store-context';
import { ApplyAction } from './ApplyAction';

/** Favourite, Compare, Apply (simulated) and Not interested, with a confirmation of each. */
export function ProductActions({ productId, productName }: { productId: string; productName: string }) {
  const recordEvent = usePerson((state) => state.recordEvent);
  const dismissed = usePerson((state) => state.person.dismissed.includes(productId));
  const eventError = usePerson((state) => state.eventError);
  const [lastAction, setLastAction] = useState<ProductEventKind | null>(null);

  const record = (kind: ProductEventKind) => {
    setLastAction(kind);
    void recordEvent({ productId, kind });
  };

  return (
    <section className="product-actions" aria-label="Actions">
      <div className="action-row">
        <FavouriteButton productId={productId} onToggle={setLastAction} />
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            record('compare');
          }}
        >
          Compare
        </button>
        <ApplyAction
          productName={productName}
          onConfirm={() => {
            record('apply');
          }}
        />
        <button
          type="button"
          className="button-secondary"
          aria-describedby={dismissed ? `dismissed-${productId}` : undefined}
          onClick={() => {
            record('not_interested');
          }}
        >
          Not interested
        </button>
      </div>
      {dismissed && (
        <p className="hint" id={`dismissed-${productId}`}>
          You marked this product as not interested; it is no longer recommended to you.
        </p>
      )}
      <p className="action-status" role="status">
        {lastAction ? EVENT_CONFIRMATIONS[lastAction] : ''}
      </p>
      {eventError && <EngineErrorNotice title="That action was not recorded." error={eventError} testId="event-error" />}
    </section>
  );
}
