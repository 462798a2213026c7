import { verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { WebauthnCredential } from '../../core/two-factor/webauthn-credential.js';
import { readAuthenticationResponse, readRegistrationResponse } from './read-response.js';
import type { RelyingParty } from './relying-party.js';
import { type Attachment, supportedAlgorithms, userVerificationOf } from './webauthn-options.js';

type NewCredential = Omit<WebauthnCredential, 'methodId' | 'userId' | 'createdAt'>;

/**
 * Checks a registration answer: our challenge, our origin and RP ID, the user present, and the
 * user verified when this device's biometrics were asked for. The library reads the CBOR and
 * the attestation; null for anything it refuses.
 */
export async function verifyAttestation(
  relyingParty: RelyingParty,
  text: string,
  challengeMatches: (signed: string) => boolean,
  attachment: Attachment,
): Promise<NewCredential | null> {
  const response = readRegistrationResponse(text);
  if (!response) return null;
  const userVerification = userVerificationOf(attachment);
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({
      response,
      expectedChallenge: challengeMatches,
      expectedOrigin: relyingParty.origin,
      expectedRPID: relyingParty.id,
      requireUserPresence: true,
      requireUserVerification: userVerification === 'required',
      supportedAlgorithmIDs: supportedAlgorithms,
    });
    if (!verified) return null;
    const { credential, aaguid, credentialBackedUp } = registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: credential.counter,
      transports: (response.response.transports ?? []).slice(0, 8),
      aaguid,
      backedUp: credentialBackedUp,
      userVerification,
    };
  } catch {
    return null;
  }
}

/**
 * Checks a sign-in answer against the method's credential: the same credential id, our challenge,
 * origin and RP ID, and a valid signature. The counter is compared here rather than in the
 * library, so a counter that went back (a cloned key) is told apart from a bad signature.
 */
export async function verifyAssertion(
  relyingParty: RelyingParty,
  text: string,
  challengeMatches: (signed: string) => boolean,
  credential: WebauthnCredential,
): Promise<{ signCount: number; counterWentBack: boolean } | null> {
  const response = readAuthenticationResponse(text);
  if (!response || response.id !== credential.credentialId || response.rawId !== credential.credentialId)
    return null;
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challengeMatches,
      expectedOrigin: relyingParty.origin,
      expectedRPID: relyingParty.id,
      credential: {
        id: credential.credentialId,
        publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')),
        // 0: the library leaves the counter to counterWentBack below.
        counter: 0,
        transports: credential.transports,
      },
      requireUserVerification: credential.userVerification === 'required',
    });
    if (!verified) return null;
    const signCount = authenticationInfo.newCounter;
    const stored = credential.signCount;
    return { signCount, counterWentBack: (signCount > 0 || stored > 0) && signCount <= stored };
  } catch {
    return null;
  }
}
