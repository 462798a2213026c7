import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isHighRisk } from './high-risk-numbers.js';

export type PhoneUse = 'sms' | 'voice';

export type PhoneCheck =
  | { ok: true; e164: string; country: string; masked: string }
  | { ok: false; reason: 'invalid_phone' | 'country_not_allowed' };

/** Line types a text message reaches; a call reaches any valid number. */
const textable = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE', 'PERSONAL_NUMBER']);

/**
 * Reads a typed phone number as E.164 with libphonenumber's full metadata: a national number is
 * read in `defaultCountry`, a `+…` number as written. An invalid number, or a fixed line for SMS,
 * is `invalid_phone`; a country outside `allowedCountries` (null: all) is `country_not_allowed`,
 * the operator's guard against SMS pumping and toll fraud to premium ranges abroad. Premium-rate
 * numbers are `invalid_phone` and the high-risk calling codes `country_not_allowed` unless
 * `allowedHighRisk` opens them (see high-risk-numbers.ts).
 */
export function normalizePhone(input: {
  phone: string;
  defaultCountry?: string | undefined;
  use: PhoneUse;
  allowedCountries: readonly string[] | null;
  /** `premium` and calling codes such as `+252` the operator opened; none by default. */
  allowedHighRisk?: readonly string[];
}): PhoneCheck {
  const { phone, use, allowedCountries, allowedHighRisk = [] } = input;
  const defaultCountry = input.defaultCountry?.toUpperCase() as CountryCode | undefined;
  const parsed = parsePhoneNumberFromString(phone, defaultCountry ? { defaultCountry } : {});
  if (!parsed?.isValid() || !parsed.country) return { ok: false, reason: 'invalid_phone' };
  const type = parsed.getType();
  if (use === 'sms' && type !== undefined && !textable.has(type))
    return { ok: false, reason: 'invalid_phone' };
  if (allowedCountries && !allowedCountries.includes(parsed.country)) {
    return { ok: false, reason: 'country_not_allowed' };
  }
  const risk = isHighRisk(
    { type, callingCode: parsed.countryCallingCode, country: parsed.country },
    allowedHighRisk,
    allowedCountries,
  );
  if (risk === 'premium') return { ok: false, reason: 'invalid_phone' };
  if (risk === 'calling_code') return { ok: false, reason: 'country_not_allowed' };
  return { ok: true, e164: parsed.number, country: parsed.country, masked: maskPhone(parsed.number) };
}

/** "+31 6 •••• 5678": enough for the owner to recognise the number, too little to call it. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return `•••• ${e164.slice(-4)}`;
  const national = parsed.nationalNumber;
  return `+${parsed.countryCallingCode} ${national.slice(0, 1)} •••• ${national.slice(-4)}`;
}

/** "a•••@example.com": the first character of the mailbox and the whole domain. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}
