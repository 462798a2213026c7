import type { Factor, FactorPorts } from '../factor.js';
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from './recovery-codes.js';

/**
 * Ten single-use codes that come with 2FA itself, the way back in when every method is lost.
 * Only their peppered hashes are stored; a code is spent by one atomic UPDATE … WHERE used_at IS
 * NULL, so thirty racing uses of one code give one sign-in.
 */
export const recoveryCodeFactor = {
  type: 'recovery_code',
  scope: 'account',
  phishingResistant: false,
  channel: null,
  maxPerUser: 1,

  async verify(ports, { userId, code, now }) {
    const normalized = normalizeRecoveryCode(code);
    if (!normalized) return false;
    // Every pepper, current and older: codes issued before a key rotation keep working.
    const hashes = ports.peppers.map((pepper) => hashRecoveryCode(pepper, userId, normalized));
    return ports.recoveryCodes.spend(userId, hashes, now);
  },
} as const satisfies Factor;

/** Ten new codes for the user in place of any old ones; returned once, to be shown once. */
export async function issueRecoveryCodes(
  ports: Pick<FactorPorts, 'random' | 'peppers' | 'recoveryCodes'>,
  userId: string,
  now: Date,
): Promise<string[]> {
  const codes = generateRecoveryCodes(ports.random);
  const pepper = ports.peppers[0]!;
  const hashes = codes.map((code) => hashRecoveryCode(pepper, userId, normalizeRecoveryCode(code)!));
  await ports.recoveryCodes.replace(userId, hashes, now);
  return codes;
}
