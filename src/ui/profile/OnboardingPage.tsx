import { PageHeading } from '../common/PageHeading';
import { usePerson } from '../store-context';
import { PrivacyPanel } from './PrivacyPanel';
import { ProfileForm } from './ProfileForm';
import { ProfileSaveError } from './ProfileSaveError';

/** First visit: the privacy promise and the profile questions. Saving leads to For you (see HomeRoute). */
export function OnboardingPage() {
  const saveProfile = usePerson((state) => state.saveProfile);
  return (
    <div className="page">
      <PageHeading>Welcome</PageHeading>
      <p className="lead">
        Answer a few questions and get suggestions of (illustrative) financial products, worked out on this device.
      </p>
      <PrivacyPanel />
      <ProfileSaveError />
      <ProfileForm
        initial={null}
        submitLabel="See my recommendations"
        onValid={(profile) => {
          void saveProfile(profile);
        }}
      />
    </div>
  );
}
