import type { Context } from 'hono';
import { isDomainError } from '../../../core/errors.js';
import { sentCodeFactorOf } from '../../../factors/registry.js';
import type { HttpEnv } from '../../env.js';
import { defaultCountry, offeredCountries } from './country-select.js';

/** A refused send or code: 429 when it was the rate limit, else the form's 400. */
export const codeErrorStatus = (error: unknown) => (isDomainError(error, 'rate_limited') ? 429 : 400);

/** Tells the browser when a rate-limited send may be tried again. */
export function setRetryAfter(c: Context<HttpEnv>, error: unknown): void {
  if (isDomainError(error, 'rate_limited')) c.header('retry-after', String(error.retryAfterSeconds ?? 60));
}

/** An e-mail address or phone number as a page may show it. */
export const maskDestination = (type: string, destination: string) =>
  sentCodeFactorOf(type)?.mask(destination) ?? destination;

/** The countries a number may be in, and the one to select: the posted one if offered, else the locale's. */
export function phoneCountries(c: Context<HttpEnv>, posted: string | undefined) {
  const countries = offeredCountries(c.get('deps').settings.phoneCountries);
  const chosen = posted && countries.includes(posted) ? posted : undefined;
  return { countries, country: chosen ?? defaultCountry(c.get('locale'), countries) };
}
