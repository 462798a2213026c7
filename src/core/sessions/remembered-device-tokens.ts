/**
 * The remembered-device cookie carries the tokens of everyone who ticked "Don't ask again" in this
 * browser, so a shared family computer keeps each person's choice. A token only ever counts for the
 * user it was issued to: the store knows whose it is, the cookie does not say.
 */

/** A few people per browser; more and the oldest is dropped. */
export const maxRememberedTokens = 5;

/** 32 random bytes in base64url, exactly as `newToken` makes them. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/** The well-formed tokens of a cookie value, at most `maxRememberedTokens`; garbage is ignored. */
export function parseRememberedTokens(value: string | undefined): string[] {
  if (!value) return [];
  const tokens = value
    .slice(0, (43 + 1) * maxRememberedTokens * 2)
    .split('.')
    .filter((token) => tokenShape.test(token));
  return [...new Set(tokens)].slice(0, maxRememberedTokens);
}

/** The newest token first; the oldest ones fall off beyond `maxRememberedTokens`. */
export function joinRememberedTokens(newest: string, kept: string[]): string {
  return [newest, ...kept.filter((token) => token !== newest)].slice(0, maxRememberedTokens).join('.');
}
