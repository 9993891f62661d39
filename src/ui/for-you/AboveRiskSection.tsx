import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Product, Recommendation, RiskLevel } from '../../protocol/engine-api';
import { usePerson } from '../store-context';
import { RecommendationCard } from './RecommendationCard';

/**
 * Products above the person's risk level: hidden until asked for, then shown apart from For you
 * under a warning. For you itself never contains them (the engine keeps them out of `items`).
 */
export function AboveRiskSection({
  items,
  personRisk,
  productOf,
  nameOf,
}: {
  /** The above-risk products to show (see shownRecommendations). */
  items: readonly Recommendation[];
  personRisk: RiskLevel;
  productOf: (productId: string) => Product | undefined;
  nameOf: (productId: string) => string;
}) {
  const id = useId();
  const { show, included, setShowAboveRisk } = usePerson(
    useShallow((state) => ({
      show: state.showAboveRisk,
      included: state.aboveRiskIncluded,
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
        {/* Always there, so that screen readers notice its text change. */}
        <p className="updating" role="status">
          {show && !included ? 'Finding products above your risk level…' : ''}
        </p>
        {show && included && (
          <div className="above-risk-list" data-testid="above-risk-list">
            <p className="warning" role="note">
              <strong>Above your risk level (R{personRisk}).</strong> These products carry more risk than your answers
              suggest you are comfortable with. They are shown because you asked, not recommended: read each
              product&apos;s risks before considering it.
            </p>
            {items.length === 0 ? (
              <p>No products above your risk level to show.</p>
            ) : (
              <ol className="card-list" aria-label={`Products above your risk level R${personRisk}`}>
                {items.map((item) => (
                  <RecommendationCard
                    key={item.productId}
                    recommendation={item}
                    product={productOf(item.productId)}
                    nameOf={nameOf}
                    testId="above-risk-card"
                    onRemove={() => document.getElementById(`${id}-heading`)?.focus()}
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
