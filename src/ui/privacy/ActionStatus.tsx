import { useTranslation } from 'react-i18next';
import type { DataAction } from '../../state/privacy-store';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { messageText } from '../message-text';
import { usePrivacy } from '../store-context';

/** How the latest use of `action` went, announced to screen readers; nothing for other actions. */
export function ActionStatus({ action, testId }: { action: DataAction; testId: string }) {
  const { t } = useTranslation();
  const last = usePrivacy((state) => (state.lastAction?.action === action ? state.lastAction : null));
  if (last?.status === 'error' && last.error) {
    return (
      <EngineErrorNotice title={t(`privacy.${action}.failed`)} error={last.error} testId={`${testId}-error`}>
        {last.message && <p>{messageText(t, last.message)}</p>}
      </EngineErrorNotice>
    );
  }
  return (
    <p className="action-status" role="status" data-testid={testId} data-status={last?.status ?? 'idle'}>
      {last?.status === 'working' ? t(`privacy.${action}.working`) : last?.message ? messageText(t, last.message) : ''}
    </p>
  );
}
