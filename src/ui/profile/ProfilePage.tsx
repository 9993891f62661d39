import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EngineErrorNotice } from '../common/EngineErrorNotice';
import { PageHeading } from '../common/PageHeading';
import { usePerson } from '../store-context';
import { ActivitySummary } from './ActivitySummary';
import { ProfileForm } from './ProfileForm';
import { RiskResult } from './RiskResult';

const SAVE_MESSAGES = {
  idle: '',
  waiting: 'Profile updated. It is stored on this device as soon as the model has loaded.',
  saving: 'Saving your profile on this device…',
  saved: 'Profile saved on this device. Your recommendations follow it.',
  error: '',
} as const;

/** The saved profile, its risk result, the form to change it, and the person's activity. */
export function ProfilePage() {
  const { profile, restored, profileStatus, profileError, saveProfile } = usePerson(
    useShallow((state) => ({
      profile: state.profile,
      restored: state.restored,
      profileStatus: state.profileStatus,
      profileError: state.profileError,
      saveProfile: state.saveProfile,
    })),
  );
  const [savedHere, setSavedHere] = useState(false);

  return (
    <div className="page">
      <PageHeading>Your profile</PageHeading>
      <p className="lead">
        Stored on this device only. Change any answer and press &quot;Save profile&quot;: your recommendations follow.
      </p>
      {!restored && !profile && (
        <p className="hint">Looking for answers you saved on this device before…</p>
      )}
      {profile && <RiskResult profile={profile} explanationOpen />}

      <p className="save-status" role="status">
        {savedHere ? SAVE_MESSAGES[profileStatus] : ''}
      </p>
      {profileStatus === 'error' && profileError && (
        <EngineErrorNotice title="Your profile could not be saved." error={profileError} testId="profile-error" />
      )}

      {/* Started over once the engine has restored the saved profile, which may arrive after the first render. */}
      <ProfileForm
        key={restored ? 'restored' : 'not-restored'}
        initial={profile}
        submitLabel="Save profile"
        onValid={(next) => {
          setSavedHere(true);
          void saveProfile(next);
        }}
      />
      <ActivitySummary />
    </div>
  );
}
