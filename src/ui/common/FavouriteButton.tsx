import { useTranslation } from 'react-i18next';
import { usePerson } from '../store-context';

/**
 * Favourite as a toggle button (aria-pressed); pressing it records `favourite` or `unfavourite`.
 * `productName`, when given, is added for screen readers so that a list's buttons differ.
 */
export function FavouriteButton({
  productId,
  productName,
  onToggle,
}: {
  productId: string;
  productName?: string;
  /** Told at once which event is being recorded, with whether it was stored (once known). */
  onToggle?: (kind: 'favourite' | 'unfavourite', stored: Promise<boolean>) => void;
}) {
  const { t } = useTranslation();
  const isFavourite = usePerson((state) => state.person.favourites.includes(productId));
  const recordEvent = usePerson((state) => state.recordEvent);
  return (
    <button
      type="button"
      className="button-secondary toggle-button"
      aria-pressed={isFavourite}
      onClick={() => {
        const kind = isFavourite ? 'unfavourite' : 'favourite';
        onToggle?.(kind, recordEvent({ productId, kind }));
      }}
    >
      <span aria-hidden="true" className="toggle-mark">
        {isFavourite ? '★' : '☆'}
      </span>{' '}
      {t('common.favourite')}
      {productName && (
        <span className="visually-hidden" lang="en">
          {' '}
          {productName}
        </span>
      )}
    </button>
  );
}
