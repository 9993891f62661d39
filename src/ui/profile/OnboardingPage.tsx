import { useTranslation } from 'react-i18next';
import { PageHeading } from '../common/PageHeading';
import { usePerson } from '../store-context';
import { PrivacyPanel } from './PrivacyPanel';
import { ProfileForm } from './ProfileForm';
import { ProfileSaveError } from './ProfileSaveError';

/** First visit: the privacy promise and the profile questions. Saving leads to For you (see HomeRoute). */
export function OnboardingPage() {
  const { t } = useTranslation();
  const saveProfile = usePerson((state) => state.saveProfile);
  return (
    <div className="page">
      <PageHeading>{t('profile.onboarding.title')}</PageHeading>
      <p className="lead">{t('profile.onboarding.lead')}</p>
      <PrivacyPanel />
      <ProfileSaveError />
      <ProfileForm
        initial={null}
        submitLabel={t('profile.onboarding.submit')}
        onValid={(profile) => {
          void saveProfile(profile);
        }}
      />
    </div>
  );
}
