import { describe, expect, it } from 'vitest';
import { SoftAuthenticator } from '../../../test/support/soft-authenticator.js';
import type { WebauthnCredential } from '../../core/two-factor/webauthn-credential.js';
import { ceremonyChallengeMatches, hashCeremonyChallenge } from './ceremony-challenge.js';
import { readAuthenticationResponse, readRegistrationResponse, signedChallenge } from './read-response.js';
import { relyingPartyOf } from './relying-party.js';
import { verifyAssertion, verifyAttestation } from './verify-response.js';

const origin = 'https://login.example.com';
const relyingParty = relyingPartyOf(`${origin}/twostep/`, 'Twostep');
const challenge = Buffer.alloc(32, 9).toString('base64url');
const pepper = new Uint8Array(32).fill(3);
const stored = (purpose: 'enroll' | 'sign_in') => ({
  id: 'c1',
  purpose,
  codeHash: hashCeremonyChallenge(pepper, { challengeId: 'c1', purpose }, challenge),
});
const matchesFor = (purpose: 'enroll' | 'sign_in') => (signed: string) =>
  ceremonyChallengeMatches([pepper], stored(purpose), signed);

async function registered(key: SoftAuthenticator): Promise<WebauthnCredential> {
  const answer = key.register({ challenge, rp: { id: relyingParty.id } });
  const credential = await verifyAttestation(
    relyingParty,
    JSON.stringify(answer),
    matchesFor('enroll'),
    'cross-platform',
  );
  expect(credential).not.toBeNull();
  return { ...credential!, methodId: 'm1', userId: 'u1', createdAt: new Date(0) };
}

describe('the relying party', () => {
  it('is the host of the public address, whatever its path', () => {
    expect(relyingParty).toEqual({ id: 'login.example.com', name: 'Twostep', origin });
    expect(relyingPartyOf('http://localhost:3000', 'X').origin).toBe('http://localhost:3000');
  });
});

describe('ceremony challenges', () => {
  it('are stored as a keyed hash bound to the challenge row and the ceremony', () => {
    expect(stored('sign_in').codeHash).not.toContain(challenge);
    expect(matchesFor('sign_in')(challenge)).toBe(true);
    expect(ceremonyChallengeMatches([pepper], { ...stored('sign_in'), purpose: 'enroll' }, challenge)).toBe(
      false,
    );
    expect(ceremonyChallengeMatches([pepper], { ...stored('sign_in'), id: 'c2' }, challenge)).toBe(false);
    expect(ceremonyChallengeMatches([new Uint8Array(32)], stored('sign_in'), challenge)).toBe(false);
    expect(matchesFor('sign_in')(`${challenge}x`)).toBe(false);
  });
});

describe('reading what the browser sent', () => {
  it('refuses anything but a public-key credential envelope', () => {
    for (const text of ['', 'null', '[]', '123456', '{}', '{"id":"a","rawId":"a","type":"public-key"}']) {
      expect(readAuthenticationResponse(text)).toBeNull();
      expect(readRegistrationResponse(text)).toBeNull();
    }
    const answer = new SoftAuthenticator(origin).assert({ challenge, rpId: relyingParty.id });
    expect(readAuthenticationResponse(JSON.stringify(answer))).not.toBeNull();
    expect(signedChallenge(answer.response.clientDataJSON)).toBe(challenge);
  });
});

describe('registration and sign-in answers', () => {
  it('registers a key with attestation none and keeps its public key, counter and transports', async () => {
    const key = new SoftAuthenticator(origin, { signCount: 3 });
    const credential = await registered(key);
    expect(credential).toMatchObject({
      credentialId: key.credentialId,
      signCount: 3,
      transports: ['usb'],
      backedUp: false,
      userVerification: 'preferred',
      aaguid: '00000000-0000-0000-0000-000000000000',
    });
  });

  it('refuses a registration without user verification when this device’s biometrics were asked for', async () => {
    const key = new SoftAuthenticator(origin, { userVerified: false });
    const answer = JSON.stringify(key.register({ challenge, rp: { id: relyingParty.id } }));
    expect(await verifyAttestation(relyingParty, answer, matchesFor('enroll'), 'platform')).toBeNull();
    expect(
      await verifyAttestation(relyingParty, answer, matchesFor('enroll'), 'cross-platform'),
    ).not.toBeNull();
  });

  it('accepts the key’s signature, and tells a counter that went back from a bad signature', async () => {
    const key = new SoftAuthenticator(origin, { signCount: 5 });
    const credential = await registered(key);
    const check = (answer: object, c = credential) =>
      verifyAssertion(relyingParty, JSON.stringify(answer), matchesFor('sign_in'), c);
    const options = { challenge, rpId: relyingParty.id };
    expect(await check(key.assert(options))).toEqual({ signCount: 6, counterWentBack: false });
    expect(await check(key.assert(options, { signCount: 4 }))).toEqual({
      signCount: 4,
      counterWentBack: true,
    });
    expect(await check(key.assert(options, { signCount: 5 }))).toEqual({
      signCount: 5,
      counterWentBack: true,
    });
    const tampered = key.assert(options);
    tampered.response.signature = key.assert({ ...options, challenge: 'b3RoZXI' }).response.signature;
    expect(await check(tampered)).toBeNull();
    const other = new SoftAuthenticator(origin);
    expect(await check(other.assert(options))).toBeNull();
    expect(await check(key.assert(options, { origin: 'https://login.example.net' }))).toBeNull();
    expect(await check(key.assert({ ...options, challenge: 'bm90LW91cnM' }))).toBeNull();
  });
});
