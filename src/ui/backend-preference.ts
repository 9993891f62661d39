import type { BackendPreference } from '../protocol/engine-api';

/**
 * Every preference, in the chooser's order (their labels are `model.preference.<preference>`); a
 * Record so that a new backend cannot be forgotten here.
 */
const PREFERENCES: Readonly<Record<BackendPreference, true>> = { auto: true, webgpu: true, wasm: true, cpu: true };

export const BACKEND_PREFERENCES = Object.keys(PREFERENCES) as readonly BackendPreference[];

export function isBackendPreference(value: string): value is BackendPreference {
  return Object.hasOwn(PREFERENCES, value);
}

const URL_PARAM = 'backend';

/** The preference in `?backend=auto|webgpu|wasm|cpu`, or `auto` when absent or unknown. */
export function backendPreferenceFromUrl(url: URL): BackendPreference {
  const value = url.searchParams.get(URL_PARAM);
  return value !== null && isBackendPreference(value) ? value : 'auto';
}

/** Records the choice in the address bar so a reload (or a shared link) keeps it. */
export function rememberBackendPreferenceInUrl(preference: BackendPreference): void {
  const url = new URL(window.location.href);
  url.searchParams.set(URL_PARAM, preference);
  window.history.replaceState(window.history.state, '', url);
}
