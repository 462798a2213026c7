import { dictionary } from '@zxcvbn-ts/language-common';
import type { ErrorCode } from '../errors.js';

/**
 * NIST SP 800-63B §3.1.1.2 / ASVS 6.2: length only, no composition rules, a blocklist of common
 * passwords and of words from the context (the product, the user's address). Length is counted in
 * code points after NFKC normalization, so "é" typed either way is one character.
 */
export const minPasswordLength = 8;
export const maxPasswordLength = 256;

// The ~49,000 most common passwords from leaked sets, as zxcvbn ranks them.
const commonPasswords: ReadonlySet<string> = new Set(
  (dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
);

export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

export function checkNewPassword(
  password: string,
  context: { email?: string; productName?: string },
): ErrorCode | null {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < minPasswordLength) return 'password_too_short';
  if (length > maxPasswordLength) return 'password_too_long';
  const lower = normalized.toLowerCase();
  if (commonPasswords.has(lower)) return 'password_too_common';
  for (const word of contextWords(context)) {
    if (lower.includes(word)) return 'password_contains_context';
  }
  return null;
}

function contextWords({
  email,
  productName = 'twostep',
}: {
  email?: string;
  productName?: string;
}): string[] {
  const words = [productName.toLowerCase()];
  const local = email?.split('@')[0]?.toLowerCase();
  // Short local parts ("jo") would refuse half the dictionary; four characters are a real name.
  if (local && local.length >= 4) words.push(local);
  return words;
}
