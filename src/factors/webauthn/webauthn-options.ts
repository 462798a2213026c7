import { generateAuthenticationOptions, generateRegistrationOptions } from '@simplewebauthn/server';
import type { WebauthnCredential } from '../../core/two-factor/webauthn-credential.js';
import type { User } from '../../core/types.js';
import { ceremonyRules } from './ceremony-challenge.js';
import type { RelyingParty } from './relying-party.js';

/** ES256 first (every security key has it), then EdDSA and RS256 (Windows Hello). */
export const supportedAlgorithms = [-7, -8, -257];

/**
 * `platform`: this device's fingerprint or face, which must check who holds the device
 * (user verification required). `cross-platform`: a roaming security key, whose touch is the
 * second factor after the password (user verification preferred).
 */
export type Attachment = 'platform' | 'cross-platform';

export const readAttachment = (value: string | undefined | null): Attachment =>
  value === 'platform' ? 'platform' : 'cross-platform';

export const userVerificationOf = (attachment: Attachment): 'required' | 'preferred' =>
  attachment === 'platform' ? 'required' : 'preferred';

/**
 * Options that register one new authenticator. Attestation `none`: we trust the key the user
 * holds, not its maker. No resident key is asked for: as a second factor the server names the
 * credential, which leaves discoverable passkeys for a later step.
 */
export function registrationOptions(input: {
  relyingParty: RelyingParty;
  user: Pick<User, 'id' | 'email'>;
  challenge: string;
  attachment: Attachment;
  existing: readonly WebauthnCredential[];
}) {
  const { relyingParty, user, challenge, attachment, existing } = input;
  return generateRegistrationOptions({
    rpName: relyingParty.name,
    rpID: relyingParty.id,
    userName: user.email,
    userDisplayName: user.email,
    userID: new TextEncoder().encode(user.id),
    challenge: Buffer.from(challenge, 'base64url'),
    timeout: ceremonyRules.lifetimeMs,
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
    authenticatorSelection: {
      authenticatorAttachment: attachment,
      residentKey: 'discouraged',
      userVerification: userVerificationOf(attachment),
    },
    supportedAlgorithmIDs: supportedAlgorithms,
  });
}

/** Options that ask one registered authenticator to sign a challenge. */
export function authenticationOptions(input: {
  relyingParty: RelyingParty;
  challenge: string;
  credential: WebauthnCredential;
}) {
  const { relyingParty, challenge, credential } = input;
  return generateAuthenticationOptions({
    rpID: relyingParty.id,
    challenge: Buffer.from(challenge, 'base64url'),
    timeout: ceremonyRules.lifetimeMs,
    allowCredentials: [{ id: credential.credentialId, transports: credential.transports }],
    userVerification: credential.userVerification,
  });
}
