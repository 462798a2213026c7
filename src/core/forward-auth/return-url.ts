import { hostAllowed } from './host-pattern.js';

export const maxReturnUrlLength = 2048;

/**
 * An absolute http(s) address the browser may be sent back to after signing in, or null. Only
 * hosts the operator listed pass. The text is checked as written before it is parsed, so that no
 * reading of it by a browser or a proxy can differ from ours: no spaces, control characters or
 * backslashes (`https://evil.com\@panel.example`), no user name (`https://panel.example@evil.com`),
 * and the host as written must be the host parsed (no percent-encoded or Unicode look-alikes).
 */
export function allowedReturnUrl(value: unknown, patterns: readonly string[]): string | null {
  if (typeof value !== 'string' || value.length > maxReturnUrlLength || patterns.length === 0) return null;
  const written = /^(https?):\/\/([A-Za-z0-9.-]+)(:\d{1,5})?([/?#][\x21-\x7e]*)?$/.exec(value);
  if (!written || /\\/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const writtenHost = written[2]!.toLowerCase();
  if (url.username || url.password || url.hostname !== writtenHost) return null;
  if (!hostAllowed(patterns, url.hostname)) return null;
  return url.href;
}
