import type { Membership } from '../organizations/organization.js';
import type { OrganizationRole } from '../organizations/roles.js';
import { hostMatches } from './host-pattern.js';

/**
 * Who may pass to a site behind the proxy. `organizations` names organizations by id or by name;
 * with `roles`, a membership passes when both match (a role in one of those organizations, or in
 * any organization when none is named).
 */
export interface AccessRule {
  /** `panel.example` or `*.panel.example`. */
  host: string;
  /** A path prefix matched at a segment boundary: `/admin` covers `/admin` and `/admin/x`, not `/administrator`. */
  path: string;
  allow: { organizations?: string[]; roles?: OrganizationRole[]; anySignedIn?: true };
}

/** The page asked for, as the proxy reported it. */
export interface AccessTarget {
  host: string;
  /** The path as sent, possibly with a query; read through `rulePath` before matching. */
  path: string;
}

/**
 * The path rules are matched against, or null when it cannot be read one way only. Dot segments
 * (also encoded: `/%2e%2e/`), repeated slashes and percent-encoding are resolved first, so that
 * `/public/../admin` or `/%61dmin` meets the rule for `/admin` as the application behind will.
 */
export function rulePath(raw: string): string | null {
  const path = raw.split(/[?#]/, 1)[0] ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters and backslashes have no reading we can trust
  if (!path.startsWith('/') || /[\\\u0000-\u0020\u007f]/.test(path)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a decoded control character or backslash is refused too
  if (/[\\\u0000-\u001f\u007f]/.test(decoded) || /%[0-9a-f]{2}/i.test(decoded)) return null;
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}${decoded.endsWith('/') && segments.length > 0 ? '/' : ''}`;
}

export function pathMatches(prefix: string, path: string): boolean {
  if (prefix === '/' || path === prefix) return true;
  return path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}

function allows(allow: AccessRule['allow'], memberships: readonly Membership[]): boolean {
  if (allow.anySignedIn) return true;
  const { organizations, roles } = allow;
  if (!organizations && !roles) return false;
  return memberships.some(
    (m) =>
      (!organizations || organizations.some((o) => o === m.organizationId || o === m.organizationName)) &&
      (!roles || roles.includes(m.role)),
  );
}

/** The first rule whose host and path match decides; no matching rule, or no readable path, denies. */
export function decideAccess(
  rules: readonly AccessRule[],
  target: AccessTarget,
  memberships: readonly Membership[],
): 'allow' | 'deny' {
  const path = rulePath(target.path);
  if (path === null) return 'deny';
  const rule = rules.find((r) => hostMatches(r.host, target.host) && pathMatches(r.path, path));
  return rule && allows(rule.allow, memberships) ? 'allow' : 'deny';
}
