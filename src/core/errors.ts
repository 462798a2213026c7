/**
 * Every failure a caller can see has a stable code. The core throws `DomainError`;
 * only `http/problem.ts` turns a code into an HTTP status and a problem+json body,
 * and `i18n/` turns it into words.
 */
export type ErrorCode =
  | 'last_owner'
  | 'invitation_invalid'
  | 'email_unverified'
  | 'invalid_input'
  | 'invalid_credentials'
  | 'account_disabled'
  | 'not_signed_in'
  | 'forbidden'
  | 'cross_origin'
  | 'csrf_failed'
  | 'sudo_required'
  | 'password_too_short'
  | 'password_too_long'
  | 'password_too_common'
  | 'password_contains_context'
  | 'wrong_password'
  | 'signup_closed'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'reset_token_invalid'
  | 'second_factor_required'
  | 'wrong_code'
  | 'second_factor_locked'
  | 'setup_expired'
  | 'method_limit_reached'
  | 'two_factor_setup_required'
  | 'method_not_allowed'
  | 'last_required_method'
  | 'backup_method_required'
  | 'invalid_phone'
  | 'country_not_allowed'
  | 'delivery_failed'
  | 'reset_pending'
  | 'nothing_to_reset';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    /** Seconds until trying again makes sense (rate limits). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
