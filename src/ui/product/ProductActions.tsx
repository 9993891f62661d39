import { useRef, useState } from 'react';
import type { ProductEventKind } from '../../protocol/engine-api';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { FavouriteButton } from '../common/FavouriteButton';
import { EVENT_CONFIRMATIONS } from '../labels';
import { usePerson } from '../store-context';
import { ApplyAction } from './ApplyAction';

/** Favourite, Compare, Apply (simulated) and Not interested, with a confirmation of each once stored. */
export function ProductActions({ productId, productName }: { productId: string; productName: string }) {
  const recordEvent = usePerson((state) => state.recordEvent);
  const dismissed = usePerson((state) => state.person.dismissed.includes(productId));
  const eventError = usePerson((state) => state.eventError);
  const [confirmation, setConfirmation] = useState('');
  const latestAction = useRef(0);

  /**
   * Empties the live region now and fills it once the event is stored, so that only what was
   * stored is confirmed, and the same action twice changes the text and is read out again.
   */
  const confirmWhenStored = (kind: ProductEventKind, stored: Promise<boolean>) => {
    const action = ++latestAction.current;
    setConfirmation('');
    void stored.then((ok) => {
      if (ok && action === latestAction.current) setConfirmation(EVENT_CONFIRMATIONS[kind]);
    });
  };
  const record = (kind: ProductEventKind) => {
    confirmWhenStored(kind, recordEvent({ productId, kind }));
  };

  return (
    <section className="product-actions" aria-label="Actions">
      <div className="action-row">
        <FavouriteButton productId={productId} onToggle={confirmWhenStored} />
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
        {confirmation}
      </p>
      {eventError && <EngineErrorNotice title="That action was not recorded." error={eventError} testId="event-error" />}
    </section>
  );
}
