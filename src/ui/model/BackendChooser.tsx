import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackendPreference } from '../../protocol/engine-api';
import { BACKEND_PREFERENCES, isBackendPreference } from '../backend-preference';

/** Lets a person pick the compute backend; choosing one reloads the engine on it. */
export function BackendChooser({
  value,
  onChange,
}: {
  value: BackendPreference;
  onChange: (preference: BackendPreference) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('model.computeBackend')}</label>
      <select
        id={id}
        value={value}
        data-testid="backend-chooser"
        onChange={(event) => {
          if (isBackendPreference(event.target.value)) onChange(event.target.value);
        }}
      >
        {BACKEND_PREFERENCES.map((preference) => (
          <option key={preference} value={preference}>
            {t(`model.preference.${preference}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
