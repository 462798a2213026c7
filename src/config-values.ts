import { isIP } from 'node:net';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { z } from 'zod';
import { rulePath } from './core/forward-auth/access-rules.js';
import { isHostName, isHostPattern } from './core/forward-auth/host-pattern.js';
import { type OrganizationRole, organizationRoles } from './core/organizations/roles.js';

/**
 * The kinds of value the environment holds, each checked for what it is used for, so that a bad
 * setting stops the start with the variable's name instead of failing a user's request later.
 */

/** Splits a comma-separated setting, ignoring spaces and empty entries. */
export const commaList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Digits only, from `min` to `max`: Number() would also read '', '1e3' and '0x10'. */
export const wholeNumber = (min: number, max: number) => {
  const rule = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, rule)
    .transform(Number)
    .refine((n) => n >= min && n <= max, rule);
};

/** An IPv4 or IPv6 address, optionally with a prefix length: `10.0.0.2`, `10.0.0.0/8`, `fd00::/8`. */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

function parsedUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * An http(s) URL without credentials (they would end up in logs and links). `origin`: nothing after
 * the host, for the public address, whose root serves every page, cookie and link.
 */
export const httpUrl = (shape: 'origin' | 'base' | 'endpoint') =>
  z.string().superRefine((value, ctx) => {
    const url = parsedUrl(value);
    const problem =
      !url || !/^https?:$/.test(url.protocol) || !url.hostname
        ? 'must be an http:// or https:// URL'
        : url.username || url.password
          ? 'must not contain a user name or password'
          : shape === 'origin' && (url.pathname !== '/' || url.search || url.hash || value.endsWith('?'))
            ? 'must have no path, query or fragment: Twostep is served at the root of its address'
            : shape === 'base' && (url.search || url.hash)
              ? 'must have no query or fragment'
              : shape === 'endpoint' && url.hash
                ? 'must have no fragment'
                : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** postgres://host/db, or sqlite:PATH (sqlite::memory: included). */
export const databaseUrl = z.string().superRefine((value, ctx) => {
  const problem = /^postgres(ql)?:\/\//.test(value)
    ? parsedUrl(value)?.hostname
      ? null
      : 'must name a host (postgres://user@host:5432/database)'
    : value.startsWith('sqlite:')
      ? value.length > 'sqlite:'.length
        ? null
        : 'must name a file (sqlite:/var/lib/twostep/twostep.db)'
      : 'must start with postgres:// or sqlite:';
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const smtpUrl = z.string().superRefine((value, ctx) => {
  const url = /^smtps?:\/\//.test(value) ? parsedUrl(value) : null;
  const problem = !url
    ? 'must be an smtp:// or smtps:// URL'
    : !url.hostname
      ? 'must name a host (smtp://user:password@mail.example.com:587)'
      : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * The name authenticator apps show. The otpauth:// label is `issuer:account`, so a colon breaks
 * every set-up; control characters would show as garbage or break the QR code's URI.
 */
export const issuer = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .refine((v) => !v.includes(':'), 'must not contain ":" (it separates issuer and account in the app)')
  .refine((v) => /^[^\p{C}]*$/u.test(v), 'must be printable, without control characters')
  .refine((v) => v.trim() === v, 'must not start or end with a space');

const mailbox = /^[^\s@<>()[\]\\,;:"]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u;
const displayName = /^("[^"\\]*"|[^"<>@,;:\\]*)$/;

/** `no-reply@example.com` or `Name <no-reply@example.com>`: one sender, on one line (no header injection). */
export const mailFrom = z.string().refine((value) => {
  if (/[\r\n]/.test(value)) return false;
  const named = /^(.*?)\s*<([^<>]*)>$/.exec(value.trim());
  if (!named) return mailbox.test(value.trim());
  return displayName.test(named[1]!.trim()) && mailbox.test(named[2]!);
}, 'must be an e-mail address, optionally with a name: Name <no-reply@example.com>');

const e164 = /^\+[1-9]\d{6,14}$/;
export const twilioAccountSid = z
  .string()
  .refine((v) => v === '' || /^AC[0-9a-fA-F]{32}$/.test(v), 'must be AC followed by 32 hex digits');
export const twilioSender = z
  .string()
  .refine(
    (v) => v === '' || e164.test(v) || /^MG[0-9a-fA-F]{32}$/.test(v),
    'must be an E.164 number (+…) or a Messaging Service SID (MG…)',
  );
export const phoneNumber = z.string().regex(e164, 'must be an E.164 number (+ and country code)');

/** ISO 3166 codes of countries phone numbers are known for, comma-separated. */
export const countryList = z.string().superRefine((value, ctx) => {
  for (const code of commaList(value).filter((c) => !isSupportedCountry(c.toUpperCase()))) {
    ctx.addIssue({ code: 'custom', message: `"${code}" is not a country code (ISO 3166, e.g. NL,BE,SE)` });
  }
});

export const trustedProxyList = z.string().superRefine((value, ctx) => {
  for (const entry of commaList(value).filter((e) => !isAddressOrRange(e))) {
    ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or CIDR range (10.0.0.0/8)` });
  }
});

/** Days before a deadline, comma-separated, each within a year. */
export const dayList = z
  .string()
  .refine(
    (v) => /^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/.test(v),
    'must be whole numbers of days separated by commas',
  )
  .refine((v) => commaList(v).every((d) => Number(d) >= 1 && Number(d) <= 365), 'each must be from 1 to 365');

/** `panel.example` or `*.panel.example`, comma-separated: where forward auth may send a browser back. */
export const hostPatternList = z.string().superRefine((value, ctx) => {
  for (const entry of commaList(value).filter((e) => !isHostPattern(e))) {
    ctx.addIssue({
      code: 'custom',
      message: `"${entry}" is not a host name or *.wildcard (panel.example, *.panel.example; IDN in xn-- form)`,
    });
  }
});

/** A host the session cookie is shared with, subdomains included: `panel.example` (a leading dot is dropped). */
export const cookieDomain = z
  .string()
  .transform((v) => v.trim().replace(/^\./, '').toLowerCase())
  .refine((v) => isHostName(v), 'must be a host name such as panel.example');

/** The forward-auth access rules file: `{ "rules": [ { host, path?, allow }, … ] }`, first match wins. */
export const forwardAuthRulesFile = z
  .object({
    rules: z.array(
      z
        .object({
          host: z.string().refine(isHostPattern, 'must be a host name or *.wildcard (panel.example)'),
          path: z
            .string()
            .refine((p) => rulePath(p) === p, 'must be a plain path starting with / (no .., //, % or spaces)')
            .default('/'),
          allow: z
            .object({
              organizations: z.array(z.string().min(1)).min(1).optional(),
              roles: z
                .array(z.enum(organizationRoles as [OrganizationRole, ...OrganizationRole[]]))
                .min(1)
                .optional(),
              anySignedIn: z.literal(true).optional(),
            })
            .strict()
            .refine(
              (a) => a.organizations || a.roles || a.anySignedIn,
              'must name organizations, roles or anySignedIn: true',
            ),
        })
        .strict(),
    ),
  })
  .strict();
