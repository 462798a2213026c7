import { createHash, verify } from 'node:crypto';
import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import {
  ceremonyChallengeMatches,
  hashCeremonyChallenge,
} from '../../src/factors/webauthn/ceremony-challenge.js';
import { relyingPartyOf } from '../../src/factors/webauthn/relying-party.js';
import { verifyAssertion } from '../../src/factors/webauthn/verify-response.js';
import { SoftAuthenticator } from '../../test/support/soft-authenticator.js';
import type { BenchCase, BenchRow } from '../bench-case.js';
import { measureOperations, type TimedOperation } from '../support/measure-ops.js';

const origin = 'https://login.example.com';
const relyingParty = relyingPartyOf(origin, 'Twostep');
const challenge = Buffer.alloc(32, 7).toString('base64url');
const pepper = new Uint8Array(32).fill(1);
const stored = { id: 'c1', purpose: 'sign_in' as const, codeHash: '' };
stored.codeHash = hashCeremonyChallenge(
  pepper,
  { challengeId: stored.id, purpose: stored.purpose },
  challenge,
);
const matches = (signed: string) => ceremonyChallengeMatches([pepper], stored, signed);

/**
 * One security-key sign-in answer checked in process, no HTTP and no database: a raw ES256
 * signature check (the limit), @simplewebauthn/server's verifyAuthenticationResponse, and our
 * verifyAssertion around it (envelope read, keyed challenge hash, counter rule).
 */
export const webauthnCase: BenchCase = {
  name: 'webauthn',
  summary: 'WebAuthn assertion verification (ES256) in process: raw ECDSA, the library, verifyAssertion',
  async run(context) {
    const operations = await timedOperations();
    for (const operation of operations) {
      if (!(await operation.run())) throw new Error(`${operation.name} refused a valid assertion`);
    }
    const timings = await measureOperations(operations, { seconds: Math.max(1, context.seconds / 3) });
    return timings.map(
      ({ row }): BenchRow => ({ ...row, what: `${row.what}; p50 ${(row.p50Ms * 1000).toFixed(1)} µs/op` }),
    );
  },
};

async function timedOperations() {
  const key = new SoftAuthenticator(origin, { signCount: 1 });
  const registration = key.register({ challenge, rp: { id: relyingParty.id } });
  const publicKey = await registeredKey(registration);
  const answer = key.assert({ challenge, rpId: relyingParty.id });
  const text = JSON.stringify(answer);
  const credential = {
    methodId: 'm1',
    userId: 'u1',
    credentialId: key.credentialId,
    publicKey: Buffer.from(publicKey.cose).toString('base64url'),
    signCount: 1,
    transports: ['usb'],
    aaguid: '00000000-0000-0000-0000-000000000000',
    backedUp: false,
    userVerification: 'preferred' as const,
    createdAt: new Date(0),
  };
  const authData = Buffer.from(answer.response.authenticatorData, 'base64url');
  const clientHash = createHash('sha256')
    .update(Buffer.from(answer.response.clientDataJSON, 'base64url'))
    .digest();
  const signedBytes = Buffer.concat([authData, clientHash]);
  const signature = Buffer.from(answer.response.signature, 'base64url');
  const operations: TimedOperation[] = [
    {
      name: 'ecdsa.p256.verify',
      what: 'node:crypto verify(sha256) of one ES256 signature: the limit',
      run: () => verify('sha256', signedBytes, publicKey.spki, signature),
    },
    {
      name: 'simplewebauthn.verify',
      what: '@simplewebauthn/server 14 verifyAuthenticationResponse: CBOR key, client data, RP hash, flags, signature',
      async: true,
      run: async () =>
        (
          await verifyAuthenticationResponse({
            response: answer as never,
            expectedChallenge: challenge,
            expectedOrigin: origin,
            expectedRPID: relyingParty.id,
            credential: { id: key.credentialId, publicKey: publicKey.cose, counter: 0 },
            requireUserVerification: false,
          })
        ).verified,
    },
    {
      name: 'verifyAssertion',
      what: 'our verifyAssertion: JSON read, the library with a keyed challenge hash, counter rule',
      async: true,
      run: async () =>
        (await verifyAssertion(relyingParty, text, matches, { ...credential, signCount: 0 })) !== null,
    },
  ];
  return operations;
}

/** The key as the server stores it (COSE) and as node:crypto reads it, from the registration. */
async function registeredKey(registration: ReturnType<SoftAuthenticator['register']>) {
  const { verifyRegistrationResponse } = await import('@simplewebauthn/server');
  const { convertCOSEtoPKCS } = await import('@simplewebauthn/server/helpers');
  const { registrationInfo } = await verifyRegistrationResponse({
    response: registration as never,
    expectedChallenge: challenge,
    expectedOrigin: origin,
    expectedRPID: relyingParty.id,
    requireUserVerification: false,
  });
  const cose = registrationInfo!.credential.publicKey;
  const raw = convertCOSEtoPKCS(cose);
  // An uncompressed P-256 point under the fixed SubjectPublicKeyInfo prefix.
  const spkiPrefix = Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex');
  return {
    cose,
    spki: { key: Buffer.concat([spkiPrefix, raw]), format: 'der' as const, type: 'spki' as const },
  };
}
