import type { NumberType } from 'libphonenumber-js/max';

/**
 * Number types the caller pays the callee for: a code sent there earns a fraudster money (toll
 * fraud). Opened only with `premium` in TWOSTEP_PHONE_ALLOW_HIGH_RISK.
 */
export const premiumTypes: ReadonlySet<NumberType> = new Set(['PREMIUM_RATE', 'SHARED_COST', 'UAN']);

/**
 * Calling codes where international revenue-share fraud and SMS pumping concentrate: costly
 * terminations, few legitimate users of a typical deployment. Each is opened by naming it
 * (`+252`) in TWOSTEP_PHONE_ALLOW_HIGH_RISK, or by naming its country in TWOSTEP_PHONE_COUNTRIES.
 * Non-geographic codes (satellite, international networks) are listed for completeness; they
 * carry no country and are refused as invalid anyway.
 */
export const highRiskCallingCodes: ReadonlySet<string> = new Set([
  '53', // Cuba
  '224', // Guinea
  '232', // Sierra Leone
  '239', // São Tomé and Príncipe
  '246', // Diego Garcia
  '247', // Ascension
  '252', // Somalia
  '290', // Saint Helena, Tristan da Cunha
  '674', // Nauru
  '675', // Papua New Guinea
  '676', // Tonga
  '677', // Solomon Islands
  '678', // Vanuatu
  '682', // Cook Islands
  '683', // Niue
  '686', // Kiribati
  '688', // Tuvalu
  '690', // Tokelau
  '691', // Micronesia
  '692', // Marshall Islands
  '960', // Maldives
  '808', // international shared-cost service
  '870', // Inmarsat
  '881', // global mobile satellite systems
  '882', // international networks
  '883', // international networks
  '979', // international premium-rate service
]);

/**
 * Whether a number is one the operator has not opened: a premium type, or a high-risk calling
 * code that neither `allowed` (`premium`, `+252`, …) nor an explicit country list lets through.
 */
export function isHighRisk(
  number: { type: NumberType | undefined; callingCode: string; country: string },
  allowed: readonly string[],
  allowedCountries: readonly string[] | null,
): 'premium' | 'calling_code' | null {
  if (number.type && premiumTypes.has(number.type) && !allowed.includes('premium')) return 'premium';
  const named = allowed.includes(`+${number.callingCode}`) || allowedCountries?.includes(number.country);
  if (highRiskCallingCodes.has(number.callingCode) && !named) return 'calling_code';
  return null;
}
