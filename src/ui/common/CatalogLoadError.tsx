import type { SerializedError } from '../../protocol/engine-api';
import { useCatalog } from '../store-context';
import { EngineErrorNotice } from './EngineErrorNotice';

/** Why the catalog could not be loaded, with a retry; shown wherever a page needs the catalog. */
export function CatalogLoadError({ error }: { error: SerializedError }) {
  const loadCatalog = useCatalog((state) => state.loadCatalog);
  return (
    <EngineErrorNotice
      title="The product catalog could not be loaded."
      error={error}
      testId="catalog-error"
      onRetry={() => {
        void loadCatalog();
      }}
    />
  );
}
