import { checkNewPassword, normalizePassword } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import { hashToken, newToken } from '../../core/sessions/session-token.js';
import type { RequestContext, User } from '../../core/types.js';
import type { Store } from '../../ports/store.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeInTurn, rateKeys, rateRules } from '../rate-rules.js';
import { assertAddressText, assertNewPasswordText } from './input-text.js';

const resetLifetimeMs = 30 * 60_000;

/**
 * Mails a single-use link (256-bit token, 30 minutes) when the address has an account; answers the
 * same either way. The link's host is the configured public URL, never the request's Host header.
 */
export async function requestPasswordReset(
  deps: AppDeps,
  input: { email: string; context: RequestContext },
): Promise<void> {
  const { store, clock, random, limiter, settings } = deps;
  const now = clock.now();
  assertAddressText(input.email);
  // Per address and network first, and a request it refuses counts nowhere else: a stranger's
  // network cannot spend the owner's links. The cap per address across networks is high enough
  // that whoever spends it has mailed the owner a pile of links they will notice.
  await consumeInTurn(limiter, now, [
    [rateKeys.resetAddressNetwork(input.email, input.context.ip), rateRules.resetAddressNetwork],
    [rateKeys.resetNetwork(input.context.ip), rateRules.resetNetwork],
    [rateKeys.resetAddress(input.email), rateRules.resetAddress],
  ]);
  const user = await store.users.findByEmail(input.email);
  if (!user || user.disabledAt) return;
  const token = newToken(random);
  await store.transaction(async (tx) => {
    await tx.passwordResets.create({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + resetLifetimeMs),
    });
    await recordAudit(tx, random, now, {
      userId: user.id,
      type: 'password_reset_requested',
      context: input.context,
    });
    // Queued, not sent: the answer must not wait for the mail server, or its delay tells who has an account.
    await deps.notifier.within(tx).securityNotice({
      user,
      kind: 'passwordReset',
      context: input.context,
      at: now,
      publicUrl: settings.publicUrl,
      vars: { url: `${settings.publicUrl}/reset-password?token=${token}` },
      includeNotYou: false,
    });
  });
}

/** The account a reset token opens while the token is unused and unexpired; spends nothing. */
async function liveResetTarget(store: Store, tokenHash: string, now: Date): Promise<User | null> {
  const userId = await store.passwordResets.findValid(tokenHash, now);
  const user = userId ? await store.users.findById(userId) : null;
  return user && !user.disabledAt ? user : null;
}

/** What a reset link shows before it is used: the account's address, or null for a dead link. */
export async function resetLinkState(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  token: string,
): Promise<{ email: string } | null> {
  const user = await liveResetTarget(deps.store, hashToken(token), deps.clock.now());
  return user ? { email: user.email } : null;
}

/**
 * Sets a new password from a reset link. It signs nobody in and skips no factor: every session
 * ends, and the next sign-in asks for the second factor as always (T-RESET-1).
 */
export async function resetPassword(
  deps: AppDeps,
  input: { token: string; newPassword: string; context: RequestContext },
): Promise<void> {
  const { store, hasher, clock, random } = deps;
  const now = clock.now();
  const tokenHash = hashToken(input.token);
  const user = await liveResetTarget(store, tokenHash, now);
  if (!user) throw new DomainError('reset_token_invalid');
  assertNewPasswordText(input.newPassword);
  const problem = checkNewPassword(input.newPassword, { email: user.email });
  if (problem) throw new DomainError(problem);
  const passwordHash = await hasher.hash(normalizePassword(input.newPassword));
  await store.transaction(async (tx) => {
    // Spent inside the transaction: of two concurrent uses, only one gets past this line.
    if ((await tx.passwordResets.consume(tokenHash, now)) !== user.id)
      throw new DomainError('reset_token_invalid');
    await tx.users.updatePasswordHash(user.id, passwordHash);
    await tx.sessions.deleteForUser(user.id);
    await tx.passwordResets.deleteForUser(user.id);
    await tx.rememberedDevices.deleteForUser(user.id);
    await recordAudit(tx, random, now, { userId: user.id, type: 'password_reset', context: input.context });
    await deps.notifier.within(tx).securityNotice({
      user,
      kind: 'passwordWasReset',
      context: input.context,
      at: now,
      publicUrl: deps.settings.publicUrl,
    });
  });
}
