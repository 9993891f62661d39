import { Redirect } from 'wouter';
import { OnboardingPage } from './profile/OnboardingPage';
import { usePerson } from './store-context';

/**
 * `#/`: onboarding for a person without a profile, else For you. While the model loads, a returning
 * person's profile is not known yet, so onboarding shows until the engine restores it.
 */
export function HomeRoute() {
  const hasProfile = usePerson((state) => state.profile !== null);
  return hasProfile ? <Redirect to="/for-you" replace /> : <OnboardingPage />;
}
