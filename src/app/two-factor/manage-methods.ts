import { DomainError } from '../../core/errors.js';
import type { RequestContext, TwoFactorMethod } from '../../core/types.js';
import { type FactorType, factorOf, isFactorType } from '../../factors/registry.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { assertBackupForPrimary, assertRemovalKeepsPolicy } from '../policy/method-rules.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { type LimitedCheck, limitFactorCheck, proveFactor } from './prove-factor.js';
import { activeMethods } from './two-factor-status.js';

/** The user's own active method, or `not_found` (another user's id answers the same). */
async function ownActiveMethod(
  deps: AppDeps,
  auth: Authenticated,
  methodId: string,
): Promise<TwoFactorMethod> {
  const method = await deps.store.methods.find(methodId);
  if (!method || method.userId !== auth.user.id || method.status !== 'active')
    throw new DomainError('not_found');
  return method;
}

export async function renameMethod(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; label: string; context: RequestContext },
): Promise<void> {
  requireSudo(deps, auth);
  const method = await ownActiveMethod(deps, auth, input.methodId);
  await deps.store.transaction(async (tx) => {
    await tx.methods.rename(method.id, input.label.trim());
    await recordAudit(tx, deps.random, deps.clock.now(), {
      userId: auth.user.id,
      type: 'method_renamed',
      context: input.context,
      detail: { from: method.label, to: input.label.trim() },
    });
  });
}

/** The primary method is what sign-in asks for first; the others stay a choice. */
export async function setPrimaryMethod(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; context: RequestContext },
): Promise<void> {
  requireSudo(deps, auth);
  const method = await ownActiveMethod(deps, auth, input.methodId);
  await assertBackupForPrimary(deps, auth.user.id, await activeMethods(deps.store, auth.user.id));
  await deps.store.transaction(async (tx) => {
    await tx.methods.setPrimaryId(auth.user.id, method.id);
    await recordAudit(tx, deps.random, deps.clock.now(), {
      userId: auth.user.id,
      type: 'primary_method_changed',
      context: input.context,
      detail: { method: method.type, label: method.label },
    });
  });
}

/**
 * A current code that turns 2FA off: from an authenticator, a recovery code, or (for a method that
 * sends codes) the code sent to it for turning off in this session, never a sign-in code (T-CODE-2).
 */
async function provesTurningOff(
  deps: AppDeps,
  auth: Authenticated,
  method: TwoFactorMethod,
  code: string,
  codeType: FactorType | undefined,
  context: RequestContext,
): Promise<LimitedCheck<true>> {
  const type = codeType ?? 'totp';
  // A sent code proves only the method it was sent to, for turning off, in this session.
  const methodId = isFactorType(type) && factorOf(type).channel ? method.id : undefined;
  const proof = { userId: auth.user.id, type, code, methodId, sessionId: auth.session.id, context };
  const prove = async () =>
    (await proveFactor(deps, deps.store, { ...proof, purpose: 'disable', now: deps.clock.now() })).ok || null;
  return limitFactorCheck(deps, auth.user, context, prove);
}

/**
 * Removes a method (sudo). Removing the last one turns 2FA off, which also needs a current code
 * from a method or a recovery code, not only the password (T-SESSION-7).
 */
export async function removeMethod(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; code?: string | undefined; codeType?: FactorType; context: RequestContext },
): Promise<{ twoFactorOff: boolean }> {
  requireSudo(deps, auth);
  const { store, clock, random } = deps;
  const now = clock.now();
  const { user } = auth;
  const found = await store.methods.find(input.methodId);
  if (!found || found.userId !== user.id) throw new DomainError('not_found');
  const active = await activeMethods(store, user.id);
  // Before any code is checked: a refused removal must not have spent one.
  await assertRemovalKeepsPolicy(deps, user.id, { removing: found, active });
  const remaining = active.filter((m) => m.id !== found.id);
  const turningOff = found.status === 'active' && remaining.length === 0;
  if (turningOff) {
    const proved = input.code
      ? await provesTurningOff(deps, auth, found, input.code, input.codeType, input.context)
      : { ok: false, locked: false };
    if (!proved.ok) throw new DomainError(proved.locked ? 'second_factor_locked' : 'second_factor_required');
  }
  await store.transaction(async (tx) => {
    // Again inside the transaction: a removal of another method may have landed meanwhile.
    await assertRemovalKeepsPolicy({ store: tx, clock }, user.id, {
      removing: found,
      active: await activeMethods(tx, user.id),
    });
    await tx.methods.delete(found.id);
    if (turningOff) {
      await tx.recoveryCodes.deleteForUser(user.id);
      await tx.methods.setPrimaryId(user.id, null);
      // Turned on again later, 2FA starts with no browser trusted from before.
      await tx.rememberedDevices.deleteForUser(user.id);
    } else if ((await tx.methods.getPrimaryId(user.id)) === found.id) {
      await tx.methods.setPrimaryId(user.id, remaining[0]?.id ?? null);
    }
    await recordAudit(tx, random, now, {
      userId: user.id,
      type: turningOff ? 'two_factor_disabled' : 'method_removed',
      context: input.context,
      detail: { method: found.type, label: found.label },
    });
  });
  if (found.status === 'active') {
    await deps.notifier.securityNotice({
      user,
      kind: turningOff ? 'twoFactorDisabled' : 'methodRemoved',
      context: input.context,
      at: now,
      publicUrl: deps.settings.publicUrl,
      vars: { method: found.label },
    });
  }
  return { twoFactorOff: turningOff };
}
