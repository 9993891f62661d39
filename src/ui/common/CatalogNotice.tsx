import { useTranslation } from 'react-i18next';
import { useCatalog } from '../store-context';

/**
 * The catalog's own "illustrative products, not advice" notice, which every product screen shows.
 * Its wording is the catalog's, in English; other languages get its gist first. Until the catalog
 * has loaded, the gist alone.
 */
export function CatalogNotice() {
  const { t, i18n } = useTranslation();
  const notice = useCatalog((state) => state.catalog?.notice);
  return (
    <p className="catalog-notice" role="note" data-testid="illustrative-notice">
      {notice === undefined ? (
        t('common.catalogNotice')
      ) : (
        <>
          {i18n.resolvedLanguage !== 'en' && `${t('common.catalogNotice')} `}
          <span lang="en">{notice}</span>
        </>
      )}
    </p>
  );
}
