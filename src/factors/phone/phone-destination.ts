import type { DestinationCheck, DestinationInput } from '../sent-code/sent-code-factor.js';
import { normalizePhone, type PhoneUse } from './normalize-phone.js';

/** The country a national number is read in when none is given: the one of the user's language. */
export const countryOfLocale: Readonly<Record<string, string>> = {
  en: 'US',
  nl: 'NL',
  sv: 'SE',
  'pt-BR': 'BR',
};

/**
 * A number as E.164: a national number in the given country or the country of the user's
 * language; refused when this channel cannot reach it or its country is not allowed.
 */
export function readPhoneDestination(
  use: PhoneUse,
  { input, locale, phoneCountries, phoneHighRisk }: DestinationInput,
): DestinationCheck {
  const checked = normalizePhone({
    phone: input.phone ?? '',
    defaultCountry: input.country ?? countryOfLocale[locale],
    use,
    allowedCountries: phoneCountries,
    allowedHighRisk: phoneHighRisk,
  });
  return checked.ok ? { ok: true, destination: checked.e164 } : { ok: false, reason: checked.reason };
}
