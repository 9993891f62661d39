/** Writes a state store's message (a catalog key and values) in the page's language. */
import type { TFunction } from 'i18next';
import type { UiMessage } from '../i18n/message';

export function messageText(t: TFunction, message: UiMessage): string {
  return t(message.key, message.values ?? {});
}
