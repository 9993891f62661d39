import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '../../i18n/message';
import type { ProfileSaveStatus } from '../../state/person-store';
import { PageHeading } from '../common/PageHeading';
import { usePerson } from '../store-context';
import { ActivitySummary } from './ActivitySummary';
import { ProfileForm } from './ProfileForm';
import { ProfileSaveError } from './ProfileSaveError';
import { RiskResult } from './RiskResult';

const SAVE_MESSAGES: Readonly<Record<ProfileSaveStatus, MessageKey | null>> = {
  idle: null,
  saving: 'profile.page.saving',
  saved: 'profile.page.saved',
  // ProfileSaveError says what went wrong.
  error: null,
};

/** The saved profile, its risk result, the form to change it, and the person's activity. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { profile, restored, profileStatus, saveProfile } = usePerson(
    useShallow((state) => ({
      profile: state.profile,
      restored: state.restored,
      profileStatus: state.profileStatus,
      saveProfile: state.saveProfile,
    })),
  );
  const [savedHere, setSavedHere] = useState(false);
  const saveMessage = savedHere ? SAVE_MESSAGES[profileStatus] : null;

  return (
    <div className="page">
      <PageHeading>{t('profile.page.title')}</PageHeading>
      <p className="lead">{t('profile.page.lead')}</p>
      {profile && <RiskResult profile={profile} explanationOpen />}

      <p className="save-status" role="status">
        {saveMessage ? t(saveMessage) : ''}
      </p>
      <ProfileSaveError />

      {/* The form reads its starting answers once, so it waits for the stored ones (milliseconds). */}
      {restored ? (
        <ProfileForm
          initial={profile}
          submitLabel={t('profile.page.submit')}
          onValid={(next) => {
            setSavedHere(true);
            void saveProfile(next);
          }}
        />
      ) : (
        <p className="hint">{t('profile.page.restoring')}</p>
      )}
      <ActivitySummary />
    </div>
  );
}
