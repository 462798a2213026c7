import { createHmac } from 'node:crypto';
import type { Random } from '../../ports/random.js';

/**
 * Crockford's base32 alphabet in lowercase: 32 symbols, so each is exactly 5 bits. Only 31
 * lowercase letters and digits avoid all of 0/o/1/l/i, so instead the letters o, i and l are left
 * out and, when typed, read unambiguously as 0 and 1 (see normalizeRecoveryCode). u is out too.
 */
export const RECOVERY_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const CODE_LENGTH = 10; // 10 symbols x 5 bits = 50 bits per code
const LOOK_ALIKES: Record<string, string> = { o: '0', i: '1', l: '1' };
const NORMALIZED = new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** `count` fresh codes of 50 uniformly random bits each, shown to the person as "xxxxx-xxxxx". */
export function generateRecoveryCodes(random: Random, count = 10): string[] {
  if (!Number.isSafeInteger(count) || count < 1 || count > 100) throw new TypeError('count must be 1 to 100');
  const codes = new Set<string>();
  // A repeat is a 2^-50 event, but a duplicate would leave the person one code short: draw again.
  while (codes.size < count) {
    let code = '';
    // random.int(32) is uniform, so every symbol, and every code, is equally likely.
    for (let i = 0; i < CODE_LENGTH; i++) code += RECOVERY_CODE_ALPHABET[random.int(32)];
    codes.add(`${code.slice(0, 5)}-${code.slice(5)}`);
  }
  return [...codes];
}

/**
 * What the person typed, as the 10 symbols that were hashed, or null if it cannot be a code.
 * Case, spaces and dashes do not matter; o, i and l are read as 0, 1 and 1.
 */
export function normalizeRecoveryCode(input: string): string | null {
  if (typeof input !== 'string') throw new TypeError('input must be a string');
  const code = input
    .trim()
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/[oil]/g, (char) => LOOK_ALIKES[char]!);
  return NORMALIZED.test(code) ? code : null;
}

/**
 * The stored form of a recovery code: hex HMAC-SHA256 over `userId:code`, keyed with a pepper.
 *
 * Why not argon2 per code, as ASVS 6.5.2 asks for secrets under 112 bits?
 * - The pepper is held outside the database (derived from the master key), so a stolen database
 *   alone gives an attacker nothing to guess against: the offline attack a slow KDF slows down
 *   cannot start. Online, 50 bits against a rate limit is out of reach.
 * - The user id salts each hash, so equal codes of two people never share a hash and one
 *   precomputation cannot serve every account.
 * - The hash is deterministic, so a code is found in O(1) and spent by one atomic
 *   `UPDATE … SET used_at = ? WHERE user_id = ? AND hash = ? AND used_at IS NULL`: no race
 *   between checking and spending, and no ten argon2 runs (and seconds of CPU) per attempt.
 */
export function hashRecoveryCode(pepper: Uint8Array, userId: string, normalizedCode: string): string {
  if (pepper.length < 32) throw new TypeError('pepper must be at least 32 bytes');
  if (!userId) throw new TypeError('userId must be non-empty');
  // The code has a fixed length at the end, so `userId:code` cannot be split two ways.
  if (!NORMALIZED.test(normalizedCode)) throw new TypeError('hash the output of normalizeRecoveryCode');
  return createHmac('sha256', pepper).update(`${userId}:${normalizedCode}`, 'utf8').digest('hex');
}
