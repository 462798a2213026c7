import type { Context } from 'hono';
import { sentCodeFactorOf } from '../../../factors/registry.js';
import type { HttpEnv } from '../../env.js';
import { defaultCountry, offeredCountries } from './country-select.js';

/** An e-mail address or phone number as a page may show it. */
export const maskDestination = (type: string, destination: string) =>
  sentCodeFactorOf(type)?.mask(destination) ?? destination;

/** The countries a number may be in, and the one to select: the posted one if offered, else the locale's. */
export function phoneCountries(c: Context<HttpEnv>, posted: string | undefined) {
  const countries = offeredCountries(c.get('deps').settings.phoneCountries);
  const chosen = posted && countries.includes(posted) ? posted : undefined;
  return { countries, country: chosen ?? defaultCountry(c.get('locale'), countries) };
}
