import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Product, RiskLevel } from '../../protocol/engine-api';
import { usePerson } from '../store-context';
import { RecommendationCard } from './RecommendationCard';

/**
 * Products above the person's risk level: hidden until asked for, then shown apart from For you
 * under a warning. For you itself never contains them (the engine keeps them out of `items`).
 */
export function AboveRiskSection({
  personRisk,
  productOf,
  nameOf,
}: {
  personRisk: RiskLevel;
  productOf: (productId: string) => Product | undefined;
  nameOf: (productId: string) => string;
}) {
  const id = useId();
  const { show, included, aboveRisk, setShowAboveRisk } = usePerson(
    useShallow((state) => ({
      show: state.showAboveRisk,
      included: state.aboveRiskIncluded,
      aboveRisk: state.recommendations?.aboveRisk ?? [],
      setShowAboveRisk: state.setShowAboveRisk,
    })),
  );

  return (
    <section className="above-risk" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        Riskier products
      </h2>
      <button
        type="button"
        className="button-secondary"
        data-testid="show-above-risk"
        aria-expanded={show}
        aria-controls={`${id}-panel`}
        onClick={() => {
          setShowAboveRisk(!show);
        }}
      >
        {show ? 'Hide products above my risk level' : 'Show products above my risk level'}
      </button>
      <div id={`${id}-panel`}>
        {show && !included && <p role="status">Finding products above your risk level…</p>}
        {show && included && (
          <div className="above-risk-list" data-testid="above-risk-list">
            <p className="warning" role="note">
              <strong>Above your risk level (R{personRisk}).</strong> These products carry more risk than your answers
              suggest you are comfortable with. They are shown because you asked, not recommended: read each
              product&apos;s risks before considering it.
            </p>
            {aboveRisk.length === 0 ? (
              <p>No products are above your risk level.</p>
            ) : (
              <ol className="card-list" aria-label={`Products above your risk level R${personRisk}`}>
                {aboveRisk.map((item) => (
                  <RecommendationCard
                    key={item.productId}
                    recommendation={item}
                    product={productOf(item.productId)}
                    nameOf={nameOf}
                    testId="above-risk-card"
                    onDismiss={() => document.getElementById(`${id}-heading`)?.focus()}
                  />
                ))}
              </ol>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
