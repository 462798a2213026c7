import { encodeBase32 } from '../../core/base32.js';
import type { Factor, FactorPorts } from '../factor.js';
import { newTotpSecret } from './new-totp-secret.js';
import { buildOtpauthUri } from './otpauth-uri.js';
import { verifyTOTP } from './totp.js';

/** The key is sealed with the method id as associated data: a sealed key moved to another row opens nowhere. */
export const totpSealContext = (methodId: string) => `totp:${methodId}`;

/** Opens the authenticator key of a method, for the set-up page to draw again while it is pending. */
export function openTotpKey(
  ports: Pick<FactorPorts, 'secretBox'>,
  method: { id: string; secretSealed: string },
): Uint8Array {
  return ports.secretBox.open(method.secretSealed, totpSealContext(method.id));
}

/**
 * Authenticator apps (RFC 6238). A set-up makes a fresh 160-bit key, sealed at rest, pending
 * until the first code from the app proves it. A right code spends its time step with a
 * compare-and-set in the store, so a replayed code, or one code raced from ten sessions, is
 * accepted once (RFC 6238 §5.2); a wrong guess spends nothing and never burns a valid code.
 */
export const totpFactor = {
  type: 'totp',
  scope: 'method',
  phishingResistant: false,
  channel: null,
  maxPerUser: 10,

  startEnrollment(ports, { user, id, input, existing, settings, now, pendingExpiresAt }) {
    const secret = newTotpSecret(ports.random);
    const label = input.label?.trim() || defaultLabel(existing.length);
    return {
      ok: true,
      method: {
        id,
        userId: user.id,
        type: 'totp',
        label,
        status: 'pending',
        secretSealed: ports.secretBox.seal(secret, totpSealContext(id)),
        destination: null,
        otp: settings.totp,
        lastUsedStep: null,
        createdAt: now,
        confirmedAt: null,
        lastUsedAt: null,
        pendingExpiresAt,
      },
      reveal: {
        // Base32 for typing by hand; shown this once and never again.
        secret: encodeBase32(secret),
        otpauthUri: buildOtpauthUri({
          issuer: settings.issuer,
          accountName: user.email,
          secret,
          ...settings.totp,
        }),
      },
    };
  },

  async verify(ports, { method, code, now }) {
    if (!method?.secretSealed || !method.otp) return false;
    const key = ports.secretBox.open(method.secretSealed, totpSealContext(method.id));
    const result = verifyTOTP({
      key,
      code,
      nowMs: now.getTime(),
      ...method.otp,
      lastUsedStep: method.lastUsedStep,
    });
    if (!result.ok) return false;
    return ports.methods.recordStepUse(method.id, result.step, now);
  },
} as const satisfies Factor;

function defaultLabel(countBefore: number): string {
  return countBefore === 0 ? 'Authenticator app' : `Authenticator app ${countBefore + 1}`;
}
