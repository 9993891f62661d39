import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { usePerson } from '../store-context';

/** A link to a product page from a list; following it records a `click` for the recommender. */
export function ProductLink({ productId, children }: { productId: string; children: ReactNode }) {
  const recordEvent = usePerson((state) => state.recordEvent);
  return (
    <Link
      href={`/product/${encodeURIComponent(productId)}`}
      onClick={() => {
        void recordEvent({ productId, kind: 'click' });
      }}
    >
      {children}
    </Link>
  );
}
