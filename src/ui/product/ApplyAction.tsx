import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Trans, useTranslation } from 'react-i18next';

/**
 * "Apply", which is only a simulation: pressing it asks to confirm that, and only the confirmation
 * records the (simulated) application.
 */
export function ApplyAction({ productName, onConfirm }: { productName: string; onConfirm: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const applyRef = useRef<HTMLButtonElement>(null);

  return (
    <div className="apply-action">
      <button
        type="button"
        className="button-secondary"
        ref={applyRef}
        aria-describedby={`${id}-hint`}
        aria-expanded={confirming}
        aria-controls={`${id}-confirm`}
        onClick={() => {
          // Render the confirmation first, so that focus can move to it.
          flushSync(() => {
            setConfirming(true);
          });
          confirmRef.current?.focus();
        }}
      >
        {t('product.apply.apply')}
      </button>
      <span className="hint" id={`${id}-hint`}>
        {t('product.apply.simulated')}
      </span>
      {confirming && (
        <div className="apply-confirm" id={`${id}-confirm`} role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`}>
            <Trans i18nKey="product.apply.question" values={{ name: productName }} components={{ product: <span lang="en" /> }} />
          </p>
          <button
            type="button"
            className="button-primary"
            ref={confirmRef}
            onClick={() => {
              setConfirming(false);
              onConfirm();
              applyRef.current?.focus();
            }}
          >
            {t('product.apply.confirm')}
          </button>{' '}
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setConfirming(false);
              applyRef.current?.focus();
            }}
          >
            {t('product.apply.cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
