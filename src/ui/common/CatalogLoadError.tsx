import { useTranslation } from 'react-i18next';
import type { SerializedError } from '../../protocol/engine-api';
import { useCatalog } from '../store-context';
import { EngineErrorNotice } from './EngineErrorNotice';

/** Why the catalog could not be loaded, with a retry; shown wherever a page needs the catalog. */
export function CatalogLoadError({ error }: { error: SerializedError }) {
  const { t } = useTranslation();
  const loadCatalog = useCatalog((state) => state.loadCatalog);
  return (
    <EngineErrorNotice
      title={t('errors.catalogLoadFailed')}
      error={error}
      testId="catalog-error"
      onRetry={() => {
        void loadCatalog();
      }}
    />
  );
}
