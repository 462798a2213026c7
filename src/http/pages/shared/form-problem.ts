import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isPlausibleEmail } from '../../../core/accounts/email.js';
import type { DomainError, ErrorCode } from '../../../core/errors.js';
import type { Translate } from '../../../i18n/translate.js';
import { statusOf } from '../../problem.js';

/** What went wrong with a submitted form: the words, the field they belong to, and the status. */
export interface FormProblem {
  message: string;
  /** The input the message is about; null for a message about the whole form. */
  field: string | null;
  status: ContentfulStatusCode;
  retryAfterSeconds?: number | undefined;
}

/** The id of the form-level message, for inputs to point at with aria-describedby. */
export const formErrorId = 'form-error';

/**
 * Turns a domain error into a form problem in the reader's language. `fields` says which input
 * an error code is about; codes not listed are about the whole form.
 */
export function problemFrom(
  t: Translate,
  error: DomainError,
  fields: Partial<Record<ErrorCode, string>> = {},
): FormProblem {
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  return {
    message: t(`error.${error.code}`, { minutes }),
    field: fields[error.code] ?? null,
    status: statusOf[error.code],
    retryAfterSeconds: error.retryAfterSeconds,
  };
}

/** A problem found by the page itself before any use case ran (an empty or malformed field). */
export function fieldProblem(
  field: string,
  message: string,
  status: ContentfulStatusCode = 400,
): FormProblem {
  return { message, field, status };
}

/** What is wrong with a typed address before anyone looks it up: nothing, or empty, or not one. */
export function emailProblem(t: Translate, email: string): FormProblem | undefined {
  if (!email) return fieldProblem('email', t('form.emailMissing'));
  if (!isPlausibleEmail(email)) return fieldProblem('email', t('form.emailInvalid'));
  return undefined;
}

/** The message shown under `field`, if the problem is about it. */
export function errorFor(problem: FormProblem | undefined, field: string): string | undefined {
  return problem?.field === field ? problem.message : undefined;
}

/** Points every input at a form-level message, so a screen reader hears it with each field. */
export function formLevel(problem: FormProblem | undefined): string | undefined {
  return problem && problem.field === null ? formErrorId : undefined;
}

/** The passwords that failed the policy (ASVS 6.2): they belong to the new-password field. */
export const newPasswordCodes = [
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'password_contains_context',
] as const satisfies ErrorCode[];
