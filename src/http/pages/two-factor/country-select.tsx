import { type CountryCode, getCountryCallingCode } from 'libphonenumber-js/max';
import type { Locale } from '../../../i18n/locales.js';

/** Offered when the operator allows every country: where our languages are spoken, and neighbours. */
const commonCountries = [
  'NL',
  'BE',
  'SE',
  'BR',
  'US',
  'GB',
  'DE',
  'FR',
  'ES',
  'PT',
  'IT',
  'IE',
  'NO',
  'DK',
  'FI',
  'AT',
  'CH',
  'CA',
];

/** The country a national number is most likely from, by the page's language. */
const countryOfLocale: Record<Locale, string> = { en: 'US', nl: 'NL', sv: 'SE', 'pt-BR': 'BR' };

export function defaultCountry(locale: Locale, allowed: readonly string[]): string {
  const wanted = countryOfLocale[locale];
  return allowed.includes(wanted) ? wanted : (allowed[0] ?? wanted);
}

/** The countries the select offers: the operator's list when there is one. */
export function offeredCountries(allowed: readonly string[] | null): string[] {
  return allowed ? [...allowed] : commonCountries;
}

/** "Netherlands (+31)", named in the page's language and sorted the way its readers sort. */
export function CountrySelect(props: {
  locale: Locale;
  label: string;
  countries: string[];
  selected: string;
}) {
  const names = new Intl.DisplayNames([props.locale], { type: 'region' });
  const options = props.countries
    .map((code) => ({
      code,
      name: `${names.of(code) ?? code} (+${getCountryCallingCode(code as CountryCode)})`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, props.locale));
  return (
    <div class="field">
      <label class="field-label" for="field-country">
        {props.label}
      </label>
      <select class="field-input" id="field-country" name="country" autocomplete="country">
        {options.map((option) => (
          <option value={option.code} selected={option.code === props.selected || undefined}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
