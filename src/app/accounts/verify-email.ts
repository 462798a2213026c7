import { normalizeEmail } from '../../core/accounts/email.js';
import { DomainError } from '../../core/errors.js';
import { hashToken, newToken } from '../../core/sessions/session-token.js';
import type { RequestContext, User } from '../../core/types.js';
import type { Store } from '../../ports/store.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeAll } from '../rate-rules.js';
import type { Authenticated } from '../sessions/authenticate.js';

export const verificationLifetimeHours = 24;
/** Between two links, so "send again" cannot be used to flood a mailbox. */
export const resendCooldownSeconds = 60;
/** And at most this many a day per account, whatever the pace. */
const dailyLinkLimit = { limit: 10, windowSeconds: 24 * 60 * 60 };

// newToken() gives 43 base64url characters; anything else cannot be one of ours.
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

/**
 * Stores a new link (256-bit token, kept only as its hash) for the user's address, in the caller's
 * transaction, and returns the token to mail: the link and the account land together or not at all.
 */
export async function issueVerificationLink(
  tx: Store,
  deps: Pick<AppDeps, 'random'>,
  input: { user: Pick<User, 'id' | 'email'>; now: Date; context: RequestContext },
): Promise<string> {
  const { user, now, context } = input;
  const token = newToken(deps.random);
  await tx.emailVerifications.create({
    tokenHash: hashToken(token),
    userId: user.id,
    email: user.email,
    createdAt: now,
    expiresAt: new Date(now.getTime() + verificationLifetimeHours * 60 * 60_000),
  });
  await recordAudit(tx, deps.random, now, { userId: user.id, type: 'email_verification_sent', context });
  return token;
}

/** Mails the link; its host is the configured public URL, never the request's Host header. */
export function mailVerificationLink(
  deps: Pick<AppDeps, 'notifier' | 'settings'>,
  user: User,
  token: string,
) {
  return deps.notifier.emailVerification({
    user,
    url: `${deps.settings.publicUrl}/verify-email?token=${token}`,
    hours: verificationLifetimeHours,
  });
}

/** Whether the account's current address has been proved by a link. */
export async function isEmailVerified(deps: Pick<AppDeps, 'store'>, user: Pick<User, 'id' | 'email'>) {
  return (await deps.store.emailVerifications.verifiedAt(user.id, user.email)) !== null;
}

/**
 * For what reaches other people or leans on the address (invitations, an e-mail method at it):
 * refused until the owner has shown the address is theirs.
 */
export async function requireVerifiedEmail(deps: Pick<AppDeps, 'store'>, user: Pick<User, 'id' | 'email'>) {
  if (!(await isEmailVerified(deps, user))) throw new DomainError('email_unverified');
}

/** "Send the link again": one a minute at most, ten a day, none once the address is proved. */
export async function resendVerificationLink(
  deps: AppDeps,
  auth: Authenticated,
  context: RequestContext,
): Promise<void> {
  const { store, clock, limiter } = deps;
  const { user } = auth;
  const now = clock.now();
  if (await isEmailVerified(deps, user)) throw new DomainError('conflict', 'The address is already verified');
  const last = await store.emailVerifications.lastCreatedAt(user.id);
  const waited = last ? (now.getTime() - last.getTime()) / 1000 : Number.POSITIVE_INFINITY;
  if (waited < resendCooldownSeconds) {
    const wait = Math.ceil(resendCooldownSeconds - waited);
    throw new DomainError('rate_limited', 'A link was sent a moment ago', wait);
  }
  await consumeAll(limiter, now, [[`verify-email:${user.id}`, dailyLinkLimit]]);
  const token = await store.transaction((tx) => issueVerificationLink(tx, deps, { user, now, context }));
  await mailVerificationLink(deps, user, token);
}

/** What a link can do; expected failures are answers, not errors. */
export type VerificationOutcome =
  | { result: 'ready'; email: string }
  | { result: 'verified'; email: string }
  | { result: 'used'; email: string; verified: boolean }
  | { result: 'expired' }
  | { result: 'invalid' };

async function readLink(deps: Pick<AppDeps, 'store' | 'clock'>, token: string) {
  if (!tokenShape.test(token)) return { outcome: { result: 'invalid' } as const };
  const tokenHash = hashToken(token);
  const link = await deps.store.emailVerifications.find(tokenHash);
  const user = link ? await deps.store.users.findById(link.userId) : null;
  // A link proves the address it was mailed to: once the account has another, it proves nothing.
  if (!link || !user || user.disabledAt || normalizeEmail(user.email) !== link.email)
    return { outcome: { result: 'invalid' } as const };
  if (link.usedAt) return { outcome: await usedOutcome(deps, user) };
  if (link.expiresAt <= deps.clock.now()) return { outcome: { result: 'expired' } as const };
  return { outcome: { result: 'ready', email: user.email } as const, user, tokenHash };
}

async function usedOutcome(deps: Pick<AppDeps, 'store'>, user: User): Promise<VerificationOutcome> {
  return { result: 'used', email: user.email, verified: await isEmailVerified(deps, user) };
}

/**
 * What a link would do, spending nothing: the page it opens asks for a click first, because mail
 * scanners open links by themselves, and a scanner must not prove an address for whoever typed it.
 */
export async function verificationLinkState(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  token: string,
): Promise<VerificationOutcome> {
  return (await readLink(deps, token)).outcome;
}

/**
 * Proves the address with a link. It signs nobody in: it shows only that whoever holds the link
 * reads that mailbox. The link is spent in the transaction that records the proof, so of two
 * concurrent clicks one verifies and the other finds it used.
 */
export async function verifyEmail(
  deps: Pick<AppDeps, 'store' | 'clock' | 'random'>,
  input: { token: string; context: RequestContext },
): Promise<VerificationOutcome> {
  const { store, clock, random } = deps;
  const read = await readLink(deps, input.token);
  if (!('user' in read) || !read.user) return read.outcome;
  const { user, tokenHash } = read;
  const now = clock.now();
  const spent = await store.transaction(async (tx) => {
    if (!(await tx.emailVerifications.consume(tokenHash, now))) return false;
    await tx.emailVerifications.markVerified(user.id, user.email, now);
    await recordAudit(tx, random, now, { userId: user.id, type: 'email_verified', context: input.context });
    return true;
  });
  return spent ? { result: 'verified', email: user.email } : usedOutcome(deps, user);
}

/**
 * Codes by e-mail may go to the account address only once that address is proved: until then
 * the account address is only what someone typed at sign-up. Another address is proved by the
 * method's own first code.
 */
export async function requireVerifiedIfAccountAddress(
  deps: Pick<AppDeps, 'store'>,
  user: Pick<User, 'id' | 'email'>,
  method: { channel: string | null; destination: string | null },
): Promise<void> {
  const { channel, destination } = method;
  if (channel !== 'email' || destination === null) return;
  if (normalizeEmail(destination) === normalizeEmail(user.email)) await requireVerifiedEmail(deps, user);
}
