/**
 * Host patterns name the sites behind the proxy: `panel.example` is that host only, and
 * `*.panel.example` every host below it (`a.panel.example`, `a.b.panel.example`), never
 * `panel.example` itself nor `evilpanel.example`. Patterns are plain ASCII: an operator who means
 * an internationalized name writes its `xn--` form, so a look-alike spelling can never match.
 */

const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const hostName = new RegExp(`^${label}(?:\\.${label})*$`);

/** A host name as browsers send it after parsing: lower-case letters, digits, hyphens and dots. */
export function isHostName(text: string): boolean {
  return text.length <= 253 && hostName.test(text);
}

export function isHostPattern(text: string): boolean {
  const pattern = text.toLowerCase();
  return isHostName(pattern.startsWith('*.') ? pattern.slice(2) : pattern);
}

/** Whether `host` (already parsed, without port) is covered by `pattern`; case does not matter. */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (!isHostName(h)) return false;
  if (!p.startsWith('*.')) return h === p;
  const parent = p.slice(1);
  return h.length > parent.length && h.endsWith(parent);
}

export function hostAllowed(patterns: readonly string[], host: string): boolean {
  return patterns.some((pattern) => hostMatches(pattern, host));
}
