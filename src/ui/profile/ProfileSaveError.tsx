import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { usePerson } from '../store-context';

/**
 * Why the latest profile save failed, on every page that shows the profile: the page has gone back
 * to the profile that is stored, and this says why the new one is not shown.
 */
export function ProfileSaveError() {
  const { t } = useTranslation();
  const { status, error } = usePerson(useShallow((state) => ({ status: state.profileStatus, error: state.profileError })));
  if (status !== 'error' || !error) return null;
  return <EngineErrorNotice title={t('profile.page.saveError')} error={error} testId="profile-error" />;
}
