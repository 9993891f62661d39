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
  /** Told which event was recorded. */
  onToggle?: (kind: 'favourite' | 'unfavourite') => void;
}) {
  const isFavourite = usePerson((state) => state.person.favourites.includes(productId));
  const recordEvent = usePerson((state) => state.recordEvent);
  return (
    <button
      type="button"
      className="button-secondary toggle-button"
      aria-pressed={isFavourite}
      onClick={() => {
        const kind = isFavourite ? 'unfavourite' : 'favourite';
        void recordEvent({ productId, kind });
        onToggle?.(kind);
      }}
    >
      <span aria-hidden="true" className="toggle-mark">
        {isFavourite ? '★' : '☆'}
      </span>{' '}
      Favourite
      {productName && <span className="visually-hidden"> {productName}</span>}
    </button>
  );
}
