import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../core/timing.js';
import type { Random } from '../../ports/random.js';
import type { ProofPurpose } from '../factor.js';

export const ceremonyRules = {
  /** Long enough to find a key and touch it; short enough that an unused challenge is soon dead. */
  lifetimeMs: 5 * 60_000,
  /** Answers that fail (a wrong key, a bad signature) before the challenge dies. */
  maxWrongTries: 5,
} as const;

/** 32 random bytes, base64url, as the browser sends them back inside the signed client data. */
export function newCeremonyChallenge(random: Random): string {
  return Buffer.from(random.bytes(32)).toString('base64url');
}

function challengeKey(pepper: Uint8Array): Uint8Array {
  if (pepper.length < 32) throw new TypeError('pepper must be at least 32 bytes');
  return new Uint8Array(createHmac('sha256', pepper).update('twostep webauthn challenges v1').digest());
}

/**
 * Only this keyed hash of a challenge is stored, bound to its row and ceremony: a challenge read
 * from the database, or issued for registration, proves nothing at sign-in.
 */
export function hashCeremonyChallenge(
  pepper: Uint8Array,
  binding: { challengeId: string; purpose: ProofPurpose },
  challenge: string,
): string {
  return createHmac('sha256', challengeKey(pepper))
    .update(`${binding.purpose}\n${binding.challengeId}\n${challenge}`, 'utf8')
    .digest('hex');
}

/** Whether the challenge a browser signed is the stored one; any pepper, current or older, counts. */
export function ceremonyChallengeMatches(
  peppers: readonly Uint8Array[],
  stored: { id: string; purpose: ProofPurpose; codeHash: string },
  challenge: string,
): boolean {
  const binding = { challengeId: stored.id, purpose: stored.purpose };
  return peppers.some((pepper) =>
    constantTimeEqual(hashCeremonyChallenge(pepper, binding, challenge), stored.codeHash),
  );
}
