import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { CatalogProgressBar } from '../model/CatalogProgressBar';
import { LoadProgressBar } from '../model/LoadProgressBar';
import { useEngine } from '../store-context';

/** The For-you placeholder while there is nothing to list: why, and what happens next. */
export function ForYouStatus({ children, showProgress = false }: { children: ReactNode; showProgress?: boolean }) {
  return (
    <div className="for-you-status panel" data-testid="for-you-status">
      {/* Only the message is live: progress captions change too often to be read out. */}
      <div role="status">{children}</div>
      {showProgress && <EngineProgress />}
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

/** The way to onboarding for a person who has no profile yet. */
export function StartHereLink({ children }: { children: ReactNode }) {
  return <Link href="/">{children}</Link>;
}
