/**
 * Where to go after a form: only a path on this site. "//evil.example" and "/\evil.example" are
 * read by browsers as another host, and control characters can split a header, so all are refused.
 */
export function safeNext(value: unknown, fallback = '/security'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}

/** A `next` query value; "/" stays readable because it is safe inside a query. */
export function nextParam(path: string): string {
  return encodeURIComponent(path).replaceAll('%2F', '/');
}
