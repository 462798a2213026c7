import { isDomainError } from '../../../core/errors.js';
import type { Translate } from '../../../i18n/translate.js';
import type { FormProblem } from '../shared/form-problem.js';

/** Cool-downs up to this long are the wait between two codes, said in seconds, not minutes. */
const coolDownSeconds = 60;

/**
 * The user's words for what went wrong sending or checking a code, or null when the error is
 * not one of these and must go on to the error handler.
 */
export function codeErrorMessage(t: Translate, error: unknown): string | null {
  if (isDomainError(error, 'rate_limited')) {
    const seconds = error.retryAfterSeconds ?? 60;
    if (seconds <= coolDownSeconds) return t('codePage.resendWait', { seconds });
    return t('error.rate_limited', { minutes: Math.max(1, Math.ceil(seconds / 60)) });
  }
  if (isDomainError(error, 'conflict')) return t('codePage.alreadyAdded');
  const known = [
    'invalid_phone',
    'country_not_allowed',
    'delivery_failed',
    'wrong_code',
    'second_factor_locked',
    'setup_expired',
    'invalid_input',
    'method_limit_reached',
    'method_not_allowed',
  ] as const;
  for (const code of known) if (isDomainError(error, code)) return t(`error.${code}`);
  return null;
}

/**
 * A failed send or code as a form problem: a rate limit is a 429 that says when to try again, any
 * other known error answers `otherwise`; null when the error is not about codes.
 */
export function codeProblem(t: Translate, error: unknown, otherwise: 400 | 502 = 400): FormProblem | null {
  const message = codeErrorMessage(t, error);
  if (message === null) return null;
  if (!isDomainError(error, 'rate_limited')) return { message, field: null, status: otherwise };
  return { message, field: null, status: 429, retryAfterSeconds: error.retryAfterSeconds ?? 60 };
}
