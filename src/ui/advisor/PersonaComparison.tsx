import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPersonaId, PERSONA_IDS, type PersonaId, type Recommendations } from '../../protocol/engine-api';
import { findProduct } from '../../state/catalog-store';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { ProductLink } from '../common/ProductLink';
import { RiskBadge } from '../common/RiskBadge';
import { ReasonText } from '../for-you/ReasonText';
import { useAdvisor, useCatalog, useEngine } from '../store-context';
import { personaName } from './persona-name';

/** Two personas' For-you lists side by side, each product with its reasons. */
export function PersonaComparison() {
  const { t } = useTranslation();
  const selectId = useId();
  const [left, setLeft] = useState<PersonaId>(PERSONA_IDS[0]);
  const [right, setRight] = useState<PersonaId>(PERSONA_IDS[PERSONA_IDS.length - 1] ?? PERSONA_IDS[0]);
  const comparison = useAdvisor((state) => state.comparison);
  const compare = useAdvisor((state) => state.compare);
  const engineReady = useEngine((state) => state.status === 'ready');

  const chooser = (label: string, id: string, value: PersonaId, onChange: (id: PersonaId) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => isPersonaId(event.target.value) && onChange(event.target.value)}>
        {PERSONA_IDS.map((persona) => (
          <option key={persona} value={persona}>
            {personaName(t, persona)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby={`${selectId}-title`} className="persona-comparison">
      <h2 id={`${selectId}-title`}>{t('advisor.compare.title')}</h2>
      <p>{t('advisor.compare.intro')}</p>
      <p className="hint">{t('common.productTextNote')}</p>
      <form
        className="compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          void compare(left, right);
        }}
      >
        {chooser(t('advisor.compare.left'), `${selectId}-left`, left, setLeft)}
        {chooser(t('advisor.compare.right'), `${selectId}-right`, right, setRight)}
        <button type="submit" disabled={!engineReady || comparison?.status === 'loading'}>
          {t('advisor.compare.submit')}
        </button>
      </form>
      {!engineReady && <p className="hint">{t('advisor.compare.needsModel')}</p>}
      {comparison?.status === 'loading' && <p role="status">{t('advisor.compare.working')}</p>}
      {comparison?.status === 'error' && comparison.error && (
        <EngineErrorNotice title={t('advisor.compare.failed')} error={comparison.error} testId="compare-error" />
      )}
      {comparison?.status === 'ready' && comparison.lists && (
        <div className="compare-columns" data-testid="comparison">
          <ComparedList persona={comparison.personas[0]} list={comparison.lists[0]} />
          <ComparedList persona={comparison.personas[1]} list={comparison.lists[1]} />
        </div>
      )}
    </section>
  );
}

function ComparedList({ persona, list }: { persona: PersonaId; list: Recommendations }) {
  const { t } = useTranslation();
  const catalog = useCatalog((state) => state.catalog);
  const nameOf = (productId: string) => findProduct(catalog, productId)?.name ?? productId;
  const name = personaName(t, persona);
  return (
    <section className="compare-column" data-testid="compare-column" data-persona={persona} aria-label={t('advisor.compare.listLabel', { name })}>
      <h3>{name}</h3>
      <p className="hint">{t('advisor.compare.riskLine', { level: list.personRisk })}</p>
      {list.items.length === 0 ? (
        <p>{t('advisor.compare.empty')}</p>
      ) : (
        <ol className="compare-list">
          {list.items.map((item) => {
            const product = findProduct(catalog, item.productId);
            return (
              <li key={item.productId} data-testid="compare-item" data-product-id={item.productId} data-risk={product?.risk_level}>
                <span lang="en">
                  <ProductLink productId={item.productId}>{nameOf(item.productId)}</ProductLink>
                </span>{' '}
                {product && <RiskBadge level={product.risk_level} />}
                <ul className="reasons">
                  {item.reasons.map((reason, index) => (
                    // Reasons have no id of their own; their order is fixed per result.
                    <li key={index} className={`reason reason-${reason.kind}`} data-testid="compare-reason">
                      <ReasonText reason={reason} nameOf={nameOf} />
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
