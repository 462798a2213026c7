import { DomainError } from '../../core/errors.js';
import { countryOfLocale } from '../../factors/phone/phone-destination.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';

/** The language the account's e-mails, texts and calls are written in from now on. */
export async function setPreferredLanguage(
  deps: Pick<AppDeps, 'store'>,
  auth: Authenticated,
  locale: string,
): Promise<void> {
  // Only a language we speak: anything else would be stored and then silently ignored.
  if (!Object.hasOwn(countryOfLocale, locale)) throw new DomainError('invalid_input', 'locale');
  await deps.store.users.setLocale(auth.user.id, locale);
}
