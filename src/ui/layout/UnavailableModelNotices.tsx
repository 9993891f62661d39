import { useTranslation } from 'react-i18next';
import type { UnavailableModel } from '../../protocol/engine-api';
import { EngineErrorNotice } from '../common/EngineErrorNotice';

/**
 * One notice per model the engine left out: what stops without it and what keeps working
 * (`layout.unavailable.<model>`), why (the engine's message) and what to do.
 */
export function UnavailableModelNotices({ unavailable, onRetry }: { unavailable: readonly UnavailableModel[]; onRetry: () => void }) {
  const { t } = useTranslation();
  return unavailable.map(({ model, error }) => (
    <EngineErrorNotice key={model} title={t(`layout.unavailable.${model}`)} error={error} testId={`model-unavailable-${model}`} onRetry={onRetry} />
  ));
}
