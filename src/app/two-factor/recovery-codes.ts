import { DomainError } from '../../core/errors.js';
import type { RequestContext, User } from '../../core/types.js';
import { issueRecoveryCodes } from '../../factors/recovery-code/recovery-code-factor.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { factorPorts } from './factor-ports.js';
import { activeMethods } from './two-factor-status.js';

/** Mails the codes only when the operator turned that on: mailboxes are weaker vaults. */
export async function mailCodesIfConfigured(
  deps: AppDeps,
  user: User,
  codes: string[],
  context: RequestContext,
  now: Date,
): Promise<void> {
  if (!deps.settings.mailRecoveryCodes) return;
  await deps.notifier.securityNotice({
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
    const issued = await issueRecoveryCodes(factorPorts(deps, tx), user.id, now);
    await recordAudit(tx, random, now, { userId: user.id, type: 'recovery_codes_regenerated', context });
    return issued;
  });
  await deps.notifier.securityNotice({
    user,
    kind: 'recoveryCodesRegenerated',
    context,
    at: now,
    publicUrl: deps.settings.publicUrl,
  });
  await mailCodesIfConfigured(deps, user, codes, context, now);
  return codes;
}
