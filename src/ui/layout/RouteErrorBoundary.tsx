import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { PageHeading } from '../common/PageHeading';
import { TechnicalDetails } from '../common/TechnicalDetails';

/**
 * Catches a page that fails while rendering, so that the person sees what went wrong and a way
 * out instead of a blank page; the header and its navigation stay usable. Going to another page
 * tries again there.
 */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return <ErrorBoundary location={location}>{children}</ErrorBoundary>;
}

interface BoundaryProps {
  readonly location: string;
  readonly children: ReactNode;
}

interface BoundaryState {
  readonly error: Error | null;
  /** The page the error happened on: leaving it clears the error. */
  readonly location: string;
}

// React catches render errors only in class components (there is no hook for it).
class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, location: this.props.location };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.location === state.location ? null : { error: null, location: props.location };
  }

  override render(): ReactNode {
    const { error } = this.state;
    return error ? <PageError error={error} /> : this.props.children;
  }
}

/** What the person sees instead of the failed page (a function component, so that it can use the translation hook). */
function PageError({ error }: { error: Error }) {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="page-error">
      <PageHeading>{t('errors.page.heading')}</PageHeading>
      <div className="error-notice" role="alert">
        <p className="error-title">{t('errors.page.title')}</p>
        <TechnicalDetails message={error.message} />
        <p>{t('errors.page.kept')}</p>
        <button
          type="button"
          className="button-primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('errors.page.reload')}
        </button>
      </div>
    </div>
  );
}
