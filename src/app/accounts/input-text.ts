import { readEmailAddress } from '../../core/accounts/email.js';
import { DomainError } from '../../core/errors.js';

/**
 * Text no person types into an address field: lone surrogates (ill-formed UTF-16, which turn into
 * U+FFFD on the way to UTF-8, so two different inputs become one), control characters (PostgreSQL
 * refuses NUL in text outright) and bidi overrides (which make one address display as another).
 */
const unsafeInAddress = /[\p{Cs}\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
const loneSurrogate = /\p{Cs}/u;

/** For every address that reaches the store or a rate-limit key: sign-in, reset, sign-up. */
export function assertAddressText(email: string): void {
  if (unsafeInAddress.test(email))
    throw new DomainError('invalid_input', 'Unusable characters in the address');
}

/**
 * A new address (an account's, an invitee's) must read the same to us and to every mailer: it
 * becomes a name and a mail target. Returns it in the form to store and send to.
 */
export function assertNewAddress(email: string): string {
  assertAddressText(email);
  const reading = readEmailAddress(email);
  if (!reading.ok) throw new DomainError('invalid_input', `Not a usable e-mail address (${reading.reason})`);
  return reading.address;
}

/**
 * A new password must be well-formed: the hasher sees UTF-8, where every lone surrogate becomes the
 * same U+FFFD, so "pass\ud800" and "pass\udc00" would be one password.
 */
export function assertNewPasswordText(password: string): void {
  if (loneSurrogate.test(password))
    throw new DomainError('invalid_input', 'Unusable characters in the password');
}
