import { useEffect } from 'react';
import { usePerson } from '../store-context';

/**
 * Views shorter than this are not recorded: a bounce is not interest, and it keeps React's
 * development-only double mount (StrictMode) from recording an empty view.
 */
const MIN_VIEW_MS = 500;

/**
 * Records a `view` of `productId`, with how long it was open, when the page is left: by a route
 * change (unmount), by opening another product, or by closing or leaving the tab (pagehide). A
 * switch to another person (advisor mode) ends the view without recording it: it was the previous
 * person's, and the write would reach the next one.
 */
export function useRecordView(productId: string | null): void {
  const recordEvent = usePerson((state) => state.recordEvent);
  const generation = usePerson((state) => state.generation);
  useEffect(() => {
    if (productId === null) return;
    const openedAt = performance.now();
    let recorded = false;
    const leave = () => {
      if (recorded) return;
      recorded = true;
      const dwellMs = Math.round(performance.now() - openedAt);
      if (dwellMs >= MIN_VIEW_MS) void recordEvent({ productId, kind: 'view', dwellMs }, generation);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [productId, recordEvent, generation]);
}
