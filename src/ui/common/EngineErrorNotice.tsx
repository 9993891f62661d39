import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SerializedError } from '../../protocol/engine-api';
import { TechnicalDetails } from './TechnicalDetails';

/**
 * A failure: what happened (the caller's title, in the person's language), what to do about it
 * (`errors.advice.<code>`, one for every code) and the engine's own message under "Technical details".
 */
export function EngineErrorNotice({
  title,
  error,
  testId,
  onRetry,
  children,
}: {
  title: string;
  error: SerializedError;
  testId: string;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="error-notice" role="alert" data-testid={testId} data-code={error.code}>
      <p className="error-title">{title}</p>
      <p>
        {/* A command in the advice is not translated: marked as English for screen readers. */}
        <Trans t={t} i18nKey={`errors.advice.${error.code}`} components={{ cmd: <span lang="en" /> }} />
      </p>
      <TechnicalDetails message={error.message} />
      {children}
      {onRetry && error.code !== 'WORKER_FAILED' && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}
