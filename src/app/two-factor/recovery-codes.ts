import { DomainError } from '../../core/errors.js';
import type { RequestContext, User } from '../../core/types.js';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
} from '../../factors/recovery-codes/recovery-codes.js';
import type { Store } from '../../ports/store.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { sendSecurityMail } from '../notifications.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { activeMethods } from './two-factor-gate.js';

/** Ten new codes for the user, replacing any old ones; only their peppered hashes are stored. */
export async function issueRecoveryCodes(
  deps: Pick<AppDeps, 'random' | 'recoveryPeppers'>,
  store: Store,
  userId: string,
  now: Date,
): Promise<string[]> {
  const codes = generateRecoveryCodes(deps.random);
  const pepper = deps.recoveryPeppers[0]!;
  const hashes = codes.map((code) => hashRecoveryCode(pepper, userId, normalizeRecoveryCode(code)!));
  await store.recoveryCodes.replace(userId, hashes, now);
  return codes;
}

/** Seed 003 mails the codes; we do only when the operator turned that on (mailboxes are weaker vaults). */
export async function mailCodesIfConfigured(
  deps: AppDeps,
  user: User,
  codes: string[],
  context: RequestContext,
  now: Date,
): Promise<void> {
  if (!deps.settings.mailRecoveryCodes) return;
  await sendSecurityMail(deps.mailer, {
    user,
    kind: 'recoveryCodesIssued',
    context,
    at: now,
    publicUrl: deps.settings.publicUrl,
    vars: { codes: codes.join('\n') },
    includeNotYou: false,
  });
}

/** New codes on request (sudo); the old ones stop working at once. */
export async function regenerateRecoveryCodes(
  deps: AppDeps,
  auth: Authenticated,
  context: RequestContext,
): Promise<string[]> {
  requireSudo(deps, auth);
  const { store, clock, random } = deps;
  const now = clock.now();
  const { user } = auth;
  if ((await activeMethods(store, user.id)).length === 0)
    throw new DomainError('conflict', 'Two-factor authentication is off');
  const codes = await store.transaction(async (tx) => {
    const issued = await issueRecoveryCodes(deps, tx, user.id, now);
    await recordAudit(tx, random, now, { userId: user.id, type: 'recovery_codes_regenerated', context });
    return issued;
  });
  await sendSecurityMail(deps.mailer, {
    user,
    kind: 'recoveryCodesRegenerated',
    context,
    at: now,
    publicUrl: deps.settings.publicUrl,
  });
  await mailCodesIfConfigured(deps, user, codes, context, now);
  return codes;
}
