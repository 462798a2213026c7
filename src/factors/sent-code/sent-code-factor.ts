import { newId } from '../../core/sessions/session-token.js';
import type { Channel, TwoFactorMethod } from '../../core/types.js';
import type { EnrollmentRefusal, Factor, FactorPorts } from '../factor.js';
import {
  codeHashKey,
  codeMatches,
  codeRules,
  generateCode,
  hashCode,
  isLive,
  resendWaitSeconds,
} from './one-time-code.js';

/** A destination read from what the user typed: an address or a number, and how to show it masked. */
export type DestinationCheck = { ok: true; destination: string } | EnrollmentRefusal;

export interface DestinationInput {
  input: Readonly<Record<string, string | undefined>>;
  /** The user's language, for reading a national number in the country of that language. */
  locale: string;
  phoneCountries: readonly string[] | null;
  /** High-risk number ranges and calling codes the operator opened (premium rate, …). */
  phoneHighRisk: readonly string[];
}

/** The parts in which e-mail, SMS and voice differ; everything else is one code, sent. */
export interface ChannelSpec<T extends string = string> {
  type: T;
  channel: Channel;
  readDestination(request: DestinationInput): DestinationCheck;
  /** What the owner recognises and a shoulder-surfer cannot use: "a•••@example.com", "+31 6 •••• 5678". */
  mask(destination: string): string;
}

export type SentCodeFactor<T extends string = string> = Factor &
  Pick<ChannelSpec, 'readDestination' | 'mask'> & { type: T; channel: Channel };

/**
 * A factor whose six-digit code is sent to the method's destination (e-mail, SMS, a call). Each
 * code is bound to one method, purpose and session: only the newest code of that triple counts,
 * so a code from another sign-in attempt, purpose or method never matches. A resend replaces the
 * earlier code. A match is spent by one atomic UPDATE, so of parallel submits exactly one wins;
 * a miss counts a wrong try, and the fifth kills the code.
 */
export function sentCodeFactor<T extends string>(spec: ChannelSpec<T>): SentCodeFactor<T> {
  return {
    type: spec.type,
    scope: 'method',
    phishingResistant: false,
    channel: spec.channel,
    maxPerUser: 10,
    readDestination: spec.readDestination,
    mask: spec.mask,

    startEnrollment(_ports, { user, id, input, existing, locale, settings, now, pendingExpiresAt }) {
      const { phoneCountries, phoneHighRisk } = settings;
      const read = spec.readDestination({ input, locale, phoneCountries, phoneHighRisk });
      if (!read.ok) return read;
      const { destination } = read;
      if (existing.some((m) => m.status === 'active' && m.destination === destination))
        return { ok: false, reason: 'conflict', detail: 'This destination is already a method' };
      const method: TwoFactorMethod = {
        id,
        userId: user.id,
        type: spec.type,
        // Free of words, so it reads the same in every language; pages name the kind beside it.
        label: spec.mask(destination),
        status: 'pending',
        secretSealed: null,
        destination,
        otp: null,
        lastUsedStep: null,
        createdAt: now,
        confirmedAt: null,
        lastUsedAt: null,
        pendingExpiresAt,
      };
      return { ok: true, method, reveal: {} };
    },

    async startChallenge(ports, { method, purpose, sessionId, destination, now }, admit) {
      const latest = await ports.codeChallenges.findLatest(method.id, purpose, sessionId);
      const wait = resendWaitSeconds(latest?.lastSentAt ?? null, now);
      if (wait > 0) return { ok: false, retryAfterSeconds: wait };
      await admit();
      const to = destination ?? method.destination;
      if (!to) throw new TypeError('a sent-code method has a destination');
      const challengeId = newId(ports.random);
      const code = generateCode(ports.random);
      const stored = await ports.codeChallenges.replace(
        {
          id: challengeId,
          userId: method.userId,
          methodId: method.id,
          purpose,
          sessionId,
          codeHash: hashCode(codeHashKey(ports.peppers[0]!), { challengeId, purpose }, code),
          createdAt: now,
          expiresAt: new Date(now.getTime() + codeRules.lifetimeMs),
          attempts: 0,
          consumedAt: null,
          lastSentAt: now,
          destination: to,
        },
        // The check above and this write are apart: only the conditional write decides a race.
        { unlessSentAfter: new Date(now.getTime() - codeRules.resendCooldownMs) },
      );
      if (stored) return { ok: true, challengeId, code, destination: to };
      const winner = await ports.codeChallenges.findLatest(method.id, purpose, sessionId);
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, resendWaitSeconds(winner?.lastSentAt ?? null, now)),
      };
    },

    async verify(ports, { method, purpose, sessionId, code, now }) {
      if (!method) return false;
      const spent = await spendSentCode(ports, { method, purpose, sessionId, code, now });
      if (spent) await ports.methods.recordUse(method.id, now);
      return spent !== null;
    },
  };
}

/**
 * Spends the newest live code of `method` for `purpose` in `sessionId` when `code` is it; returns
 * where that code was sent (for a change of destination, the new one), or null. Older keys count
 * too, so a code in flight survives a key rotation; compared in constant time.
 */
export async function spendSentCode(
  ports: Pick<FactorPorts, 'codeChallenges' | 'peppers'>,
  input: {
    method: TwoFactorMethod;
    purpose: Parameters<Factor['verify']>[1]['purpose'];
    sessionId: string;
    code: string;
    now: Date;
  },
): Promise<{ destination: string | null } | null> {
  const { method, purpose, sessionId, code, now } = input;
  const challenge = await ports.codeChallenges.findLatest(method.id, purpose, sessionId);
  if (!challenge || challenge.userId !== method.userId || !isLive(challenge, now)) return null;
  if (!ports.peppers.some((pepper) => codeMatches(codeHashKey(pepper), challenge, code))) {
    await ports.codeChallenges.addWrongTry(challenge.id);
    return null;
  }
  // Spent by id: a newer code sent meanwhile is a different row and stays alive.
  if (!(await ports.codeChallenges.consume(challenge.id, now, codeRules.maxWrongTries))) return null;
  return { destination: challenge.destination ?? null };
}
