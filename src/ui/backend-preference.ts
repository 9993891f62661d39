import type { BackendName, BackendPreference } from '../protocol/engine-api';

/** Chooser labels; a Record so that a new backend cannot be forgotten here. */
export const PREFERENCE_LABELS: Readonly<Record<BackendPreference, string>> = {
  auto: 'Automatic (fastest available)',
  webgpu: 'WebGPU (graphics card)',
  wasm: 'WASM (WebAssembly on the processor)',
  cpu: 'CPU (plain JavaScript, slowest)',
};

export const BACKEND_LABELS: Readonly<Record<BackendName, string>> = {
  webgpu: 'WebGPU',
  wasm: 'WASM',
  cpu: 'CPU',
};

export const BACKEND_PREFERENCES = Object.keys(PREFERENCE_LABELS) as readonly BackendPreference[];

export function isBackendPreference(value: string): value is BackendPreference {
  return Object.hasOwn(PREFERENCE_LABELS, value);
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
