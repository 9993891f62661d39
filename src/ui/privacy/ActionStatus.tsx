import type { DataAction } from '../../state/privacy-store';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { usePrivacy } from '../store-context';

const WORKING: Readonly<Record<DataAction, string>> = {
  export: 'Preparing your file…',
  import: 'Checking and importing the file…',
  erase: 'Erasing…',
  retention: 'Saving the setting and deleting older events…',
  passphrase: 'Re-encrypting your data…',
};

const FAILED: Readonly<Record<DataAction, string>> = {
  export: 'Export failed',
  import: 'Nothing was imported',
  erase: 'Erasing failed',
  retention: 'The setting was not saved',
  passphrase: 'The passphrase was not changed',
};

/** How the latest use of `action` went, announced to screen readers; nothing for other actions. */
export function ActionStatus({ action, testId }: { action: DataAction; testId: string }) {
  const last = usePrivacy((state) => (state.lastAction?.action === action ? state.lastAction : null));
  if (last?.status === 'error' && last.error) return <EngineErrorNotice title={FAILED[action]} error={last.error} testId={`${testId}-error`} />;
  return (
    <p className="action-status" role="status" data-testid={testId} data-status={last?.status ?? 'idle'}>
      {last?.status === 'working' ? WORKING[action] : (last?.message ?? '')}
    </p>
  );
}
