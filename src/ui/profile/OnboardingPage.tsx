import { PageHeading } from '../common/PageHeading';
import { usePerson } from '../store-context';
import { PrivacyPanel } from './PrivacyPanel';
import { ProfileForm } from './ProfileForm';

/** First visit: the privacy promise and the profile questions. Saving leads to For you (see HomeRoute). */
export function OnboardingPage() {
  const saveProfile = usePerson((state) => state.saveProfile);
  const restored = usePerson((state) => state.restored);
  return (
    <div className="page">
      <PageHeading>Welcome</PageHeading>
      <p className="lead">
        Answer a few questions and get suggestions of (illustrative) financial products, worked out on this device.
      </p>
      <PrivacyPanel />
      {!restored && <p className="hint">Looking for answers you saved on this device before…</p>}
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
