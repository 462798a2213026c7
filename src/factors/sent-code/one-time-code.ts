import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../core/timing.js';
import type { Random } from '../../ports/random.js';
import type { ProofPurpose } from '../factor.js';

/**
 * Codes sent by e-mail, SMS or a call. Six digits are about 20 bits (NIST 800-63B §5.1.3 allows
 * that for out-of-band secrets because they die in ten minutes and after five wrong tries).
 */
export const codeRules = {
  digits: 6,
  /** NIST SP 800-63B §5.1.3.2: "invalid if not completed within 10 minutes"; ASVS 6.5.5. */
  lifetimeMs: 10 * 60_000,
  /** Twilio Verify's limit per challenge, and NIST SP 800-63B §5.2.2 (threat model T-CODE-3). */
  maxWrongTries: 5,
  /** A second message sooner than this is refused: against flooding a phone or a bill (T-CODE-4). */
  resendCooldownMs: 30_000,
} as const;

const wellFormed = /^\d{6}$/;

/** Six uniformly random digits: `random.int` draws without modulo bias, leading zeros kept. */
export function generateCode(random: Random): string {
  return String(random.int(10 ** codeRules.digits)).padStart(codeRules.digits, '0');
}

/** The key codes are hashed with, derived from the recovery-code pepper so one secret feeds both. */
export function codeHashKey(pepper: Uint8Array): Uint8Array {
  if (pepper.length < 32) throw new TypeError('pepper must be at least 32 bytes');
  return new Uint8Array(createHmac('sha256', pepper).update('twostep one-time codes v1').digest());
}

/**
 * The stored form of a code: HMAC-SHA256 over challenge id, purpose and code. Binding the id and
 * purpose means a hash copied to another challenge, or a code sent for set-up, never matches.
 * A keyed hash (not argon2) is enough: the key is not in the database, and the code lives ten
 * minutes behind five tries.
 */
export function hashCode(
  key: Uint8Array,
  binding: { challengeId: string; purpose: ProofPurpose },
  code: string,
): string {
  if (!binding.challengeId) throw new TypeError('challengeId must be non-empty');
  return createHmac('sha256', key)
    .update(`${binding.purpose}\n${binding.challengeId}\n${code}`, 'utf8')
    .digest('hex');
}

/** Whether `code` is the one behind `codeHash`; compared in constant time, so timing tells nothing. */
export function codeMatches(
  key: Uint8Array,
  challenge: { id: string; purpose: ProofPurpose; codeHash: string },
  code: string,
): boolean {
  if (typeof code !== 'string' || !wellFormed.test(code)) return false;
  const candidate = hashCode(key, { challengeId: challenge.id, purpose: challenge.purpose }, code);
  return constantTimeEqual(candidate, challenge.codeHash);
}

/** Whether a challenge can still be answered at `now`: unspent, unexpired, tries left. */
export function isLive(
  challenge: { expiresAt: Date; attempts: number; consumedAt: Date | null },
  now: Date,
): boolean {
  return (
    challenge.consumedAt === null &&
    challenge.expiresAt.getTime() > now.getTime() &&
    challenge.attempts < codeRules.maxWrongTries
  );
}

/** Seconds until another code may be sent after one sent at `lastSentAt`; 0 when it may now. */
export function resendWaitSeconds(lastSentAt: Date | null, now: Date): number {
  if (!lastSentAt) return 0;
  const left = lastSentAt.getTime() + codeRules.resendCooldownMs - now.getTime();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** "1, 2, 3, 4, 5, 6": a voice reads separated digits one by one, not as "one hundred twenty…". */
export function spacedDigits(code: string): string {
  return [...code].join(', ');
}
