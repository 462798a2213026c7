import type { Locale } from './locales.js';
import { codeMethodPageMessages } from './messages/code-method-pages.js';
import { codeMethodMessages } from './messages/code-methods.js';
import { consoleMessages } from './messages/console.js';
import { consoleReportMessages } from './messages/console-reports.js';
import { coreMessages } from './messages/core.js';
import { destinationChangeMessages } from './messages/destination-change.js';
import { emailVerificationMessages } from './messages/email-verification.js';
import { organizationMessages } from './messages/organizations.js';
import { pagesMessages } from './messages/pages.js';
import { policyMessages } from './messages/policy.js';
import { rememberedDeviceMessages } from './messages/remembered-devices.js';
import { secondFactorLockoutMessages } from './messages/second-factor-lockout.js';
import { securityKeyMessages } from './messages/security-keys.js';
import { twoFactorMessages } from './messages/two-factor.js';
import { twoFactorPageMessages } from './messages/two-factor-pages.js';

/** Every area's messages. A new area is one file in messages/ and one entry here. */
const areas = [
  organizationMessages,
  policyMessages,
  coreMessages,
  twoFactorMessages,
  pagesMessages,
  twoFactorPageMessages,
  codeMethodMessages,
  codeMethodPageMessages,
  destinationChangeMessages,
  rememberedDeviceMessages,
  secondFactorLockoutMessages,
  securityKeyMessages,
  emailVerificationMessages,
  consoleMessages,
  consoleReportMessages,
] as const;

type English = (typeof areas)[number]['en'];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
export type MessageKey = keyof UnionToIntersection<English>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const merge = (locale: Locale) =>
  Object.assign({}, ...areas.map((area) => area[locale])) as Record<MessageKey, string>;

export const catalogs: Record<Locale, Record<MessageKey, string>> = {
  en: merge('en'),
  nl: merge('nl'),
  sv: merge('sv'),
  'pt-BR': merge('pt-BR'),
};

/** Returns `t(key, vars)` for a locale; `{name}` in a message is replaced by `vars.name`. */
export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, vars) => {
    const message = catalog[key] ?? catalogs.en[key];
    return vars
      ? message.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole))
      : message;
  };
}
