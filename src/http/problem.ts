import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../core/errors.js';
import type { Locale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';

/** The one mapping from a stable error code to an HTTP status. */
export const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  // An organization always keeps an owner: the last one can be neither removed nor demoted.
  last_owner: 409,
  invitation_invalid: 400,
  // The account works, but this needs an address the owner has shown is theirs.
  email_unverified: 403,
  invalid_input: 400,
  invalid_credentials: 401,
  account_disabled: 403,
  not_signed_in: 401,
  forbidden: 403,
  cross_origin: 403,
  csrf_failed: 403,
  sudo_required: 403,
  password_too_short: 422,
  password_too_long: 422,
  password_too_common: 422,
  password_contains_context: 422,
  wrong_password: 403,
  signup_closed: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  reset_token_invalid: 400,
  second_factor_required: 401,
  wrong_code: 400,
  // Answered whatever the code, like a wrong one: the owner unlocks from the e-mail.
  second_factor_locked: 400,
  setup_expired: 410,
  two_factor_setup_required: 403,
  method_not_allowed: 403,
  last_required_method: 409,
  backup_method_required: 409,
  method_limit_reached: 409,
  invalid_phone: 422,
  country_not_allowed: 422,
  // The provider, not the caller, failed: another method may still work.
  delivery_failed: 503,
  reset_pending: 409,
  nothing_to_reset: 409,
};

const titles: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

export interface ProblemOptions {
  code: ErrorCode | 'payload_too_large' | 'unsupported_media_type';
  status?: ContentfulStatusCode;
  detail?: string;
  retryAfterSeconds?: number | undefined;
  /** Field-level problems from input validation. */
  errors?: Array<{ path: string; message: string }>;
}

/** RFC 9457 problem+json, with our stable `code` and a detail in the caller's language. */
export function problem(c: Context, locale: Locale, options: ProblemOptions): Response {
  const status = options.status ?? statusOf[options.code as ErrorCode] ?? 400;
  const t = translator(locale);
  const minutes = Math.max(1, Math.ceil((options.retryAfterSeconds ?? 60) / 60));
  const detail =
    options.detail ??
    (options.code in statusOf ? t(`error.${options.code as ErrorCode}`, { minutes }) : options.code);
  const body = {
    type: `https://twostep.dev/problems/${options.code.replaceAll('_', '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code: options.code,
    ...(options.errors ? { errors: options.errors } : {}),
  };
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json',
    'cache-control': 'no-store',
  };
  if (options.retryAfterSeconds) headers['retry-after'] = String(options.retryAfterSeconds);
  return c.body(JSON.stringify(body), status, headers);
}
