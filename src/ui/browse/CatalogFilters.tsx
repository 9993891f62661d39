import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ProductCategory, RiskLevel } from '../../protocol/engine-api';
import { SORT_KEYS, TERM_FILTERS, type SortKey, type TermFilter } from '../../state/catalog-filter';
import { useCatalog } from '../store-context';

const RISK_CHOICES: readonly RiskLevel[] = [1, 2, 3, 4, 5];

/** A number typed in a filter box; null when empty. Half-typed input (validity.badInput) is skipped. */
function numberOrNull(event: ChangeEvent<HTMLInputElement>): number | null | undefined {
  if (event.target.validity.badInput) return undefined;
  const text = event.target.value.trim();
  if (text === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Category, risk, term, amount and return filters, and the sort order, for Browse. */
export function CatalogFilters({ categories }: { categories: readonly ProductCategory[] }) {
  const { t } = useTranslation();
  const id = useId();
  const { filters, sort, setFilters, setSort, resetFilters } = useCatalog(
    useShallow((state) => ({
      filters: state.filters,
      sort: state.sort,
      setFilters: state.setFilters,
      setSort: state.setSort,
      resetFilters: state.resetFilters,
    })),
  );

  return (
    <section className="panel filters" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('browse.filters.heading')}</h2>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('browse.filters.category')}</label>
          <select
            id={`${id}-category`}
            value={filters.category}
            onChange={(event) => {
              const value = event.target.value;
              setFilters({ category: categories.find((category) => category === value) ?? 'all' });
            }}
          >
            <option value="all">{t('browse.filters.allCategories')}</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {t(`labels.category.${category}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-risk`}>{t('browse.filters.maxRisk')}</label>
          <select
            id={`${id}-risk`}
            value={filters.maxRisk ?? ''}
            onChange={(event) => {
              const value = Number(event.target.value);
              setFilters({ maxRisk: RISK_CHOICES.find((level) => level === value) ?? null });
            }}
          >
            <option value="">{t('browse.filters.anyRisk')}</option>
            {RISK_CHOICES.map((level) => (
              <option key={level} value={level}>
                {t('browse.filters.upTo', { level })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-term`}>{t('browse.filters.term')}</label>
          <select
            id={`${id}-term`}
            value={filters.term}
            onChange={(event) => {
              const value = event.target.value;
              setFilters({ term: TERM_FILTERS.find((term): term is TermFilter => term === value) ?? 'any' });
            }}
          >
            {TERM_FILTERS.map((term) => (
              <option key={term} value={term}>
                {t(`labels.term.${term}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-amount`}>{t('browse.filters.maxMinAmount')}</label>
          <input
            id={`${id}-amount`}
            type="number"
            inputMode="decimal"
            min={0}
            step={100}
            value={filters.maxMinAmount ?? ''}
            aria-describedby={`${id}-amount-hint`}
            onChange={(event) => {
              const value = numberOrNull(event);
              if (value !== undefined) setFilters({ maxMinAmount: value });
            }}
          />
          <p className="hint" id={`${id}-amount-hint`}>
            {t('browse.filters.maxMinAmountHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-return`}>{t('browse.filters.minReturn')}</label>
          <input
            id={`${id}-return`}
            type="number"
            inputMode="decimal"
            step={0.5}
            value={filters.minReturn ?? ''}
            aria-describedby={`${id}-return-hint`}
            onChange={(event) => {
              const value = numberOrNull(event);
              if (value !== undefined) setFilters({ minReturn: value });
            }}
          />
          <p className="hint" id={`${id}-return-hint`}>
            {t('browse.filters.minReturnHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sort`}>{t('browse.filters.sort')}</label>
          <select
            id={`${id}-sort`}
            value={sort}
            onChange={(event) => {
              const value = event.target.value;
              setSort(SORT_KEYS.find((key): key is SortKey => key === value) ?? 'name');
            }}
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`labels.sort.${key}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="button" className="button-secondary" onClick={resetFilters}>
        {t('browse.filters.reset')}
      </button>
    </section>
  );
}
