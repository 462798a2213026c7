import { newId } from '../../core/sessions/session-token.js';
import type { CodeChallenge } from '../../core/two-factor/code-challenge.js';
import type { Factor, FactorPorts, Proof } from '../factor.js';
import { isLive } from '../sent-code/one-time-code.js';
import {
  ceremonyChallengeMatches,
  ceremonyRules,
  hashCeremonyChallenge,
  newCeremonyChallenge,
} from './ceremony-challenge.js';
import { verifyAssertion, verifyAttestation } from './verify-response.js';
import { authenticationOptions, readAttachment, registrationOptions } from './webauthn-options.js';

/**
 * Security keys and this device's fingerprint / face (WebAuthn), as a second factor. The browser
 * signs our challenge for our origin only, so a look-alike site has nothing to relay. Each
 * challenge is bound to one method, ceremony and session, lives five minutes, is stored only as
 * a keyed hash and is spent once by an atomic UPDATE: a replayed or raced answer gets nothing.
 */
export const webauthnFactor = {
  type: 'webauthn',
  scope: 'method',
  phishingResistant: true,
  channel: null,
  maxPerUser: 10,

  startEnrollment(_ports, { user, id, input, existing, now, pendingExpiresAt }) {
    const label = input.label?.trim() || defaultLabel(readAttachment(input.attachment), existing.length);
    return {
      ok: true,
      method: {
        id,
        userId: user.id,
        type: 'webauthn',
        label,
        status: 'pending',
        secretSealed: null,
        destination: null,
        otp: null,
        lastUsedStep: null,
        createdAt: now,
        confirmedAt: null,
        lastUsedAt: null,
        pendingExpiresAt,
      },
      reveal: {},
    };
  },

  async startChallenge(ports, { user, method, purpose, sessionId, input, now }, admit) {
    await admit();
    const challenge = newCeremonyChallenge(ports.random);
    const challengeId = newId(ports.random);
    const { relyingParty } = ports;
    // At set-up, which kind of authenticator the user chose rides with the challenge, so the
    // answer is held to the rule of that kind (user verification for this device's biometrics).
    const attachment = purpose === 'enroll' ? readAttachment(input?.attachment) : null;
    let options: Record<string, unknown>;
    if (attachment) {
      const existing = await ports.webauthnCredentials.listForUser(user.id);
      options = { ...(await registrationOptions({ relyingParty, user, challenge, attachment, existing })) };
    } else {
      const credential = await ports.webauthnCredentials.findByMethod(method.id);
      if (!credential) throw new TypeError('an active security key has a credential');
      options = { ...(await authenticationOptions({ relyingParty, challenge, credential })) };
    }
    await ports.codeChallenges.replace({
      id: challengeId,
      userId: method.userId,
      methodId: method.id,
      purpose,
      sessionId,
      codeHash: hashCeremonyChallenge(ports.peppers[0]!, { challengeId, purpose }, challenge),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ceremonyRules.lifetimeMs),
      attempts: 0,
      consumedAt: null,
      lastSentAt: now,
      destination: attachment,
    });
    return { ok: true, challengeId, options };
  },

  async verify(ports, proof) {
    const { method, purpose, sessionId, now } = proof;
    if (method?.type !== 'webauthn') return false;
    const challenge = await ports.codeChallenges.findLatest(method.id, purpose, sessionId);
    if (!challenge || challenge.userId !== method.userId || !isLive(challenge, now)) return false;
    const matches = (signed: string) => ceremonyChallengeMatches(ports.peppers, challenge, signed);
    const verdict =
      purpose === 'enroll'
        ? await enroll(ports, proof, challenge, matches)
        : await assert(ports, proof, challenge, matches);
    if (verdict === 'refused') {
      await ports.codeChallenges.addWrongTry(challenge.id);
      return false;
    }
    if (verdict === 'spent') return false;
    await ports.methods.recordUse(method.id, now);
    return true;
  },
} as const satisfies Factor;

type Verdict = 'accepted' | 'refused' | 'spent';
type Matches = (signed: string) => boolean;

/** The first answer of a new authenticator: its attestation is checked, its public key stored. */
async function enroll(
  ports: FactorPorts,
  proof: Proof,
  challenge: CodeChallenge,
  matches: Matches,
): Promise<Verdict> {
  const method = proof.method!;
  const attachment = readAttachment(challenge.destination);
  const registered = await verifyAttestation(ports.relyingParty, proof.code, matches, attachment);
  if (!registered) return 'refused';
  if (!(await ports.codeChallenges.consume(challenge.id, proof.now, ceremonyRules.maxWrongTries)))
    return 'spent';
  const added = await ports.webauthnCredentials.add({
    ...registered,
    methodId: method.id,
    userId: method.userId,
    createdAt: proof.now,
  });
  return added ? 'accepted' : 'spent';
}

/** A signature from the method's own authenticator, with a counter that moved forward. */
async function assert(
  ports: FactorPorts,
  proof: Proof,
  challenge: CodeChallenge,
  matches: Matches,
): Promise<Verdict> {
  const method = proof.method!;
  const credential = await ports.webauthnCredentials.findByMethod(method.id);
  if (!credential || credential.userId !== method.userId) return 'refused';
  const signed = await verifyAssertion(ports.relyingParty, proof.code, matches, credential);
  if (!signed) return 'refused';
  if (signed.counterWentBack) {
    proof.suspect?.('authenticator_cloned');
    return 'refused';
  }
  if (!(await ports.codeChallenges.consume(challenge.id, proof.now, ceremonyRules.maxWrongTries)))
    return 'spent';
  return (await ports.webauthnCredentials.recordSignCount(method.id, signed.signCount))
    ? 'accepted'
    : 'spent';
}

function defaultLabel(attachment: 'platform' | 'cross-platform', countBefore: number): string {
  const base = attachment === 'platform' ? 'This device' : 'Security key';
  return countBefore === 0 ? base : `${base} ${countBefore + 1}`;
}
