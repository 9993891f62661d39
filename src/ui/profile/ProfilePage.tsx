import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProfileSaveStatus } from '../../state/person-store';
import { PageHeading } from '../common/PageHeading';
import { usePerson } from '../store-context';
import { ActivitySummary } from './ActivitySummary';
import { ProfileForm } from './ProfileForm';
import { ProfileSaveError } from './ProfileSaveError';
import { RiskResult } from './RiskResult';

const SAVE_MESSAGES: Readonly<Record<ProfileSaveStatus, string>> = {
  idle: '',
  saving: 'Saving your profile on this device…',
  saved: 'Profile saved on this device. Your recommendations follow it.',
  // ProfileSaveError says what went wrong.
  error: '',
};

/** The saved profile, its risk result, the form to change it, and the person's activity. */
export function ProfilePage() {
  const { profile, restored, profileStatus, saveProfile } = usePerson(
    useShallow((state) => ({
      profile: state.profile,
      restored: state.restored,
      profileStatus: state.profileStatus,
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
      {profile && <RiskResult profile={profile} explanationOpen />}

      <p className="save-status" role="status">
        {savedHere ? SAVE_MESSAGES[profileStatus] : ''}
      </p>
      <ProfileSaveError />

      {/* The form reads its starting answers once, so it waits for the stored ones (milliseconds). */}
      {restored ? (
        <ProfileForm
          initial={profile}
          submitLabel="Save profile"
          onValid={(next) => {
            setSavedHere(true);
            void saveProfile(next);
          }}
        />
      ) : (
        <p className="hint">Looking for your saved answers…</p>
      )}
      <ActivitySummary />
    </div>
  );
}
