import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { issueRecoveryCodes } from '../../factors/recovery-code/recovery-code-factor.js';
import { factorOf } from '../../factors/registry.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { renewSession } from '../sessions/start-session.js';
import { factorPorts } from './factor-ports.js';
import { limitFactorCheck } from './prove-factor.js';
import { mailCodesIfConfigured } from './recovery-codes.js';
import { activeMethods } from './two-factor-status.js';

export interface Confirmation {
  id: string;
  /** Only when this method turned 2FA on: shown once, never again. */
  recoveryCodes?: string[];
  /** The session's new token: turning 2FA on is a step up. */
  token: string;
}

/**
 * Confirms a pending method with its first code. The first method turns 2FA on: it becomes the
 * primary, ten recovery codes are issued, and every other session of the user ends (T-SESSION-6).
 */
export async function confirmMethod(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; code: string; context: RequestContext },
): Promise<Confirmation> {
  requireSudo(deps, auth);
  const { store, clock, random } = deps;
  const now = clock.now();
  const { user, session } = auth;
  const method = await store.methods.find(input.methodId);
  if (!method || method.userId !== user.id || method.status !== 'pending') throw new DomainError('not_found');
  if (!method.pendingExpiresAt || method.pendingExpiresAt <= now) throw new DomainError('setup_expired');
  // The first proof of a pending method: from the app, or the code sent for set-up to this
  // session (a code sent for sign-in never confirms a method).
  const proof = {
    userId: user.id,
    method,
    code: input.code,
    purpose: 'enroll' as const,
    sessionId: session.id,
    now,
  };
  const verify = async () => (await factorOf(method.type).verify(factorPorts(deps, store), proof)) || null;
  const checked = await limitFactorCheck(deps, user, input.context, verify);
  if (!checked.ok) throw new DomainError(checked.locked ? 'second_factor_locked' : 'wrong_code');
  const result = await store.transaction(async (tx) => {
    const turningOn = (await activeMethods(tx, user.id)).length === 0;
    if (!(await tx.methods.activate(method.id, now))) throw new DomainError('setup_expired');
    const primary = await tx.methods.getPrimaryId(user.id);
    if (turningOn || !primary) await tx.methods.setPrimaryId(user.id, method.id);
    const recoveryCodes = turningOn
      ? await issueRecoveryCodes(factorPorts(deps, tx), user.id, now)
      : undefined;
    if (turningOn) await tx.sessions.deleteForUser(user.id, session.id);
    // A session kept to set-up by policy becomes a full one here, under a new token (T-LOGIN-3, T-LOGIN-6).
    const token = await renewSession(deps, tx, session, { now, state: 'signed_in' });
    await recordAudit(tx, random, now, {
      userId: user.id,
      type: turningOn ? 'two_factor_enabled' : 'method_added',
      context: input.context,
      detail: { method: method.type, label: method.label },
    });
    return { id: method.id, token, turningOn, ...(recoveryCodes ? { recoveryCodes } : {}) };
  });
  await deps.notifier.securityNotice({
    user,
    kind: result.turningOn ? 'twoFactorEnabled' : 'methodAdded',
    context: input.context,
    at: now,
    publicUrl: deps.settings.publicUrl,
    vars: { method: method.label },
  });
  if (result.recoveryCodes) await mailCodesIfConfigured(deps, user, result.recoveryCodes, input.context, now);
  const { turningOn: _, ...confirmation } = result;
  return confirmation;
}
