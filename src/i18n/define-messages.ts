import type { Locale } from './locales.js';

/**
 * One file per area holds its messages in every language side by side, so a translator sees them
 * together and the compiler refuses a catalog that lacks a key of the English one.
 */
export function defineMessages<const T extends Record<string, string>>(
  messages: { en: T } & Record<Exclude<Locale, 'en'>, Record<keyof T, string>>,
) {
  return messages;
}
