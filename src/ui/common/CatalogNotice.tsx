import { useCatalog } from '../store-context';

/** Shown until the catalog (which carries the authoritative wording) has loaded. */
const FALLBACK_NOTICE = 'Illustrative products, not financial advice.';

/** The catalog's own "illustrative products, not advice" notice, which every product screen shows. */
export function CatalogNotice() {
  const notice = useCatalog((state) => state.catalog?.notice ?? FALLBACK_NOTICE);
  return (
    <p className="catalog-notice" role="note" data-testid="illustrative-notice">
      {notice}
    </p>
  );
}
