import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductEventKind } from '../../protocol/engine-api';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { FavouriteButton } from '../common/FavouriteButton';
import { usePerson } from '../store-context';
import { ApplyAction } from './ApplyAction';

/** The events whose storing is confirmed to the person (a view or a click says nothing). */
type ConfirmedKind = Exclude<ProductEventKind, 'view' | 'click'>;

/** Favourite, Compare, Apply (simulated) and Not interested, with a confirmation of each once stored. */
export function ProductActions({ productId, productName }: { productId: string; productName: string }) {
  const { t } = useTranslation();
  const recordEvent = usePerson((state) => state.recordEvent);
  const dismissed = usePerson((state) => state.person.dismissed.includes(productId));
  const eventError = usePerson((state) => state.eventError);
  // The kind, not its text, so that the confirmation follows a change of language.
  const [confirmation, setConfirmation] = useState<ConfirmedKind | null>(null);
  const latestAction = useRef(0);

  /**
   * Empties the live region now and fills it once the event is stored, so that only what was
   * stored is confirmed, and the same action twice changes the text and is read out again.
   */
  const confirmWhenStored = (kind: ConfirmedKind, stored: Promise<boolean>) => {
    const action = ++latestAction.current;
    setConfirmation(null);
    void stored.then((ok) => {
      if (ok && action === latestAction.current) setConfirmation(kind);
    });
  };
  const record = (kind: ConfirmedKind) => {
    confirmWhenStored(kind, recordEvent({ productId, kind }));
  };

  return (
    <section className="product-actions" aria-label={t('product.actions.label')}>
      <div className="action-row">
        <FavouriteButton productId={productId} onToggle={confirmWhenStored} />
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            record('compare');
          }}
        >
          {t('product.actions.compare')}
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
          {t('product.actions.notInterested')}
        </button>
      </div>
      {dismissed && (
        <p className="hint" id={`dismissed-${productId}`}>
          {t('product.actions.dismissed')}
        </p>
      )}
      <p className="action-status" role="status">
        {confirmation && t(`labels.eventConfirmation.${confirmation}`)}
      </p>
      {eventError && <EngineErrorNotice title={t('product.actions.notRecorded')} error={eventError} testId="event-error" />}
    </section>
  );
}
