import type { Context } from 'hono';
import { allowedReturnUrl } from '../../../core/forward-auth/return-url.js';
import type { HttpEnv } from '../../env.js';

/**
 * Where to go after a form: a path on this site, or an absolute address on a host the operator
 * listed for forward auth (`returnDomains`, TWOSTEP_FORWARD_AUTH_DOMAINS). "//evil.example" and
 * "/\evil.example" are read by browsers as another host, and control characters can split a
 * header, so all are refused; absolute addresses pass only through `allowedReturnUrl`.
 */
export function safeNext(
  value: unknown,
  fallback = '/security',
  returnDomains: readonly string[] = [],
): string {
  if (typeof value !== 'string' || value.length === 0) return fallback;
  if (!value.startsWith('/')) return allowedReturnUrl(value, returnDomains) ?? fallback;
  if (value.length > 512 || value.startsWith('//')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}

/** This request's `next` query, made safe; the sign-in steps also take the forward-auth hosts. */
export function queryNext(c: Context<HttpEnv>, fallback?: string): string {
  return safeNext(c.req.query('next'), fallback, c.get('http').forwardAuth.domains);
}

/** A `next` query value; "/" stays readable because it is safe inside a query. */
export function nextParam(path: string): string {
  return encodeURIComponent(path).replaceAll('%2F', '/');
}
