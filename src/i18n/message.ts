/**
 * A sentence for the person, as a catalog key and its values, not yet in any language: state
 * stores hand these to the UI, which writes them in the person's language when it renders.
 */
import type { ParseKeys } from 'i18next';

/** Any key of the catalogs ("privacy.erase.done"). */
export type MessageKey = ParseKeys;

export interface UiMessage {
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

/** A message with its values. */
export function message(key: MessageKey, values?: Readonly<Record<string, string | number>>): UiMessage {
  return values ? { key, values } : { key };
}
