import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { usePerson } from '../store-context';

/**
 * After a route change, or once locked data is opened (the unlock page gives way to the app), moves
 * focus to the new page's h1 and back to the top, as a full page load would, so that keyboard and
 * screen-reader users start on the new page rather than on a stale link or a form that is gone.
 */
export function FocusOnNavigate() {
  const [location] = useLocation();
  const locked = usePerson((state) => state.locked);
  const previous = useRef({ location, locked });
  useEffect(() => {
    if (previous.current.location === location && previous.current.locked === locked) return;
    previous.current = { location, locked };
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) heading.focus();
    else window.scrollTo(0, 0);
  }, [location, locked]);
  return null;
}
