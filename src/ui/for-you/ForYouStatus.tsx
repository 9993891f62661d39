import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { CatalogProgressBar } from '../model/CatalogProgressBar';
import { LoadProgressBar } from '../model/LoadProgressBar';
import { useEngine } from '../store-context';

/**
 * Why For you has nothing to list, and what happens next; empty when the list speaks for itself.
 * It stays mounted while its message changes (a live region that arrives together with its text
 * is often not read out), and shows as a panel only while it has something to say.
 */
export function ForYouStatus({ message, showProgress }: { message: ReactNode; showProgress: boolean }) {
  return (
    <div className={message ? 'for-you-status panel' : 'for-you-status'} data-testid="for-you-status">
      {/* Only the message is live: progress captions change too often to be read out. */}
      <div role="status">{message && <p>{message}</p>}</div>
      {message && showProgress && <EngineProgress />}
    </div>
  );
}

function EngineProgress() {
  const { status, progress, catalogEncoding } = useEngine(
    useShallow((state) => ({ status: state.status, progress: state.progress, catalogEncoding: state.catalogEncoding })),
  );
  return (
    <>
      <LoadProgressBar progress={progress} done={status === 'ready'} />
      <CatalogProgressBar encoding={catalogEncoding} status={status} />
    </>
  );
}

/** The way to onboarding for a person who has no profile yet (its text comes from the <Trans> it is given to). */
export function StartHereLink({ children }: { children?: ReactNode }) {
  return <Link href="/">{children}</Link>;
}
