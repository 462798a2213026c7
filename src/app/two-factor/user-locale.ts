import type { User } from '../../core/types.js';
import { countryOfLocale } from '../../factors/phone/phone-destination.js';

/** The user's language when they chose one we speak, else the request's, else English. */
export function userLocale(user: Pick<User, 'locale'>, requestLocale: string): string {
  const spoken = (locale: string | null) => locale !== null && Object.hasOwn(countryOfLocale, locale);
  if (spoken(user.locale)) return user.locale!;
  return spoken(requestLocale) ? requestLocale : 'en';
}
