import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';

/**
 * After a route change, moves focus to the new page's h1 and back to the top, as a full page load
 * would, so that keyboard and screen-reader users start on the new page rather than on a stale link.
 */
export function FocusOnNavigate() {
  const [location] = useLocation();
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) heading.focus();
    else window.scrollTo(0, 0);
  }, [location]);
  return null;
}
