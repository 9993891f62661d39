import type { ReactNode } from 'react';

/**
 * The page's h1. Focusable by script (not by Tab), so that after a route change focus can move to
 * it and screen readers announce the new page (see FocusOnNavigate).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="page-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}
