import { checkNewPassword, normalizePassword } from '../../core/accounts/password-policy.js';
import { DomainError } from '../../core/errors.js';
import { newId } from '../../core/sessions/session-token.js';
import type { RequestContext } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeAll, rateKeys, rateRules } from '../rate-rules.js';
import { assertNewAddress, assertNewPasswordText } from './input-text.js';
import { issueVerificationLink, mailVerificationLink } from './verify-email.js';

/**
 * Creates an account. An address that already has one gets the very same answer (a fresh id, the
 * same hashing time) and its owner an e-mail, so sign-up cannot be used to learn who has an
 * account (ASVS 6.3.8). A new account gets a link to prove its address: it works at once, but
 * cannot invite or accept invitations until the link is opened.
 */
export async function createAccount(
  deps: AppDeps,
  input: { email: string; password: string; context: RequestContext; bypassSignupClosed?: boolean },
): Promise<{ id: string; email: string }> {
  const { store, hasher, clock, random, settings } = deps;
  const now = clock.now();
  if (!settings.signupOpen && !input.bypassSignupClosed) throw new DomainError('signup_closed');
  const email = assertNewAddress(input.email);
  assertNewPasswordText(input.password);
  const problem = checkNewPassword(input.password, { email });
  if (problem) throw new DomainError(problem);
  if (!input.bypassSignupClosed) {
    await consumeAll(deps.limiter, now, [
      [rateKeys.signUpNetwork(input.context.ip), rateRules.signUpNetwork],
    ]);
  }
  const id = newId(random);
  const passwordHash = await hasher.hash(normalizePassword(input.password));
  const user = {
    id,
    email,
    passwordHash,
    locale: input.context.locale,
    createdAt: now,
    disabledAt: null,
    staffRole: null,
  };
  const verificationToken = await store.transaction(async (tx) => {
    if (!(await tx.users.insertIfAbsent(user))) return null;
    await recordAudit(tx, random, now, { userId: id, type: 'account_created', context: input.context });
    return issueVerificationLink(tx, deps, { user, now, context: input.context });
  });
  // Either way exactly one e-mail goes out, so the two answers stay alike.
  if (verificationToken) await mailVerificationLink(deps, user, verificationToken);
  else await tellOwnerOfExistingAccount(deps, email, input.context, now);
  return { id, email };
}

async function tellOwnerOfExistingAccount(deps: AppDeps, email: string, context: RequestContext, now: Date) {
  const owner = await deps.store.users.findByEmail(email);
  if (!owner) return;
  // Queued, not sent: waiting for the mail server would make this answer slower than a new account's.
  await deps.store.transaction(async (tx) => {
    await recordAudit(tx, deps.random, now, {
      userId: owner.id,
      type: 'signup_existing_address',
      context,
    });
    await deps.notifier.within(tx).securityNotice({
      user: owner,
      kind: 'signupExisting',
      context,
      at: now,
      publicUrl: deps.settings.publicUrl,
      vars: { url: `${deps.settings.publicUrl}/sign-in` },
      includeNotYou: false,
    });
  });
}
