import { normalizePassword } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import { hashToken } from '../../core/sessions/session-token.js';
import type { RequestContext, Session, User } from '../../core/types.js';
import { assertAddressText } from '../accounts/input-text.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeAll, rateKeys, rateRules } from '../rate-rules.js';
import { startSession } from './start-session.js';

export interface SignInResult {
  token: string;
  session: Session;
  user: User;
}

let dummyHash: Promise<string> | null = null;

/**
 * The account-and-network limit comes first, and an attempt it refuses counts nowhere else.
 * Otherwise one network could spend the account-wide budget (100 an hour) with requests that never
 * reach the password check, and lock the owner out on every network (SECURITY.md a42).
 */
async function countAttempt(deps: Pick<AppDeps, 'limiter'>, now: Date, email: string, ip: string) {
  await consumeAll(deps.limiter, now, [
    [rateKeys.signInAccountNetwork(email, ip), rateRules.signInAccountNetwork],
  ]);
  await consumeAll(deps.limiter, now, [
    [rateKeys.signInAccount(email), rateRules.signInAccount],
    [rateKeys.signInNetwork(ip), rateRules.signInNetwork],
  ]);
}

/**
 * First step: e-mail and password. An unknown address costs the same hashing time as a wrong
 * password and gets the same answer. A user with 2FA gets a `second_factor` session that proves
 * nothing else.
 */
export async function signIn(
  deps: AppDeps,
  input: { email: string; password: string; context: RequestContext; previousToken?: string | undefined },
): Promise<SignInResult> {
  const { store, hasher, clock, random, limiter } = deps;
  const now = clock.now();
  const { email, context } = input;
  // Before any look-up or rate-limit key: the store cannot hold some characters (NUL in PostgreSQL).
  assertAddressText(email);
  await countAttempt(deps, now, email, context.ip).catch(async (error) => {
    const user = await store.users.findByEmail(email);
    // One event per quarter hour: a flood of refused attempts must not push the user's real
    // events out of their recent activity.
    const quarterHourAgo = now.getTime() - 15 * 60_000;
    const recent = user ? await store.audit.listForUser(user.id, 20) : [];
    if (!recent.some((e) => e.type === 'sign_in_rate_limited' && e.at.getTime() > quarterHourAgo)) {
      await recordAudit(store, random, now, {
        userId: user?.id ?? null,
        type: 'sign_in_rate_limited',
        context,
      });
    }
    throw error;
  });
  const password = normalizePassword(input.password);
  const user = await store.users.findByEmail(email);
  if (!user) {
    dummyHash ??= hasher.hash('dummy password for timing');
    await hasher.verify(await dummyHash, password);
    throw new DomainError('invalid_credentials');
  }
  if (!(await hasher.verify(user.passwordHash, password))) {
    await recordAudit(store, random, now, { userId: user.id, type: 'sign_in_failed', context });
    throw new DomainError('invalid_credentials');
  }
  if (user.disabledAt) throw new DomainError('account_disabled');
  await limiter.reset(rateKeys.signInAccountNetwork(email, context.ip));
  await limiter.reset(rateKeys.signInAccount(email));
  if (hasher.needsRehash(user.passwordHash)) {
    await store.users.updatePasswordHash(user.id, await hasher.hash(password));
  }
  const needsSecondFactor = await deps.secondFactor.isEnabled(user.id, store);
  return store.transaction(async (tx) => {
    // Whatever session the browser held before dies: sign-in always issues a fresh one (a8).
    if (input.previousToken) {
      const previous = await tx.sessions.findByTokenHash(hashToken(input.previousToken));
      if (previous) await tx.sessions.delete(previous.id);
    }
    const state = needsSecondFactor ? 'second_factor' : 'signed_in';
    const { token, session } = await startSession(deps, tx, { userId: user.id, state, context, now });
    if (state === 'signed_in') {
      await recordAudit(tx, random, now, { userId: user.id, type: 'sign_in_succeeded', context });
    }
    return { token, session, user };
  });
}
