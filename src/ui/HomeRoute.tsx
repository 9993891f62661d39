import { useTranslation } from 'react-i18next';
import { Redirect } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import { OnboardingPage } from './profile/OnboardingPage';
import { usePerson } from './store-context';

/**
 * `#/`: onboarding for a person without a profile, else For you. Nothing is decided until the
 * person stored on this device is known (a storage read of milliseconds, not the model load), so a
 * returning person never starts typing into a form that is then taken away.
 */
export function HomeRoute() {
  const { t } = useTranslation();
  const { restored, hasProfile } = usePerson(
    useShallow((state) => ({ restored: state.restored, hasProfile: state.profile !== null })),
  );
  if (!restored) {
    return (
      <div className="page">
        <p className="hint">{t('home.restoring')}</p>
      </div>
    );
  }
  return hasProfile ? <Redirect to="/for-you" replace /> : <OnboardingPage />;
}
