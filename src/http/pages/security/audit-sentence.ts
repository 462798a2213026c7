import type { AuditEventType } from '../../../core/types.js';
import { catalogs, type MessageKey, type Translate } from '../../../i18n/translate.js';

/** Events a person should look at twice: someone else may be trying their account. */
const warnings: ReadonlySet<string> = new Set<AuditEventType>([
  'sign_in_failed',
  'sign_in_rate_limited',
  'signup_existing_address',
  'password_confirm_failed',
  'account_disabled',
  'two_factor_disabled',
  'second_factor_failed',
  'second_factor_locked',
]);

/**
 * One sentence per event type in the reader's language. A type added later without words yet
 * reads "Security event" instead of showing a key.
 */
export function auditSentence(t: Translate, type: string): string {
  const key = `audit.${type}`;
  return key in catalogs.en ? t(key as MessageKey) : t('audit.other');
}

export function isWarning(type: string): boolean {
  return warnings.has(type);
}
