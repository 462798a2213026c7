import { DomainError } from '../../core/errors.js';
import {
  breaksPolicyOnRemoval,
  hasBackup,
  isMethodAllowed,
  type MethodsHeld,
} from '../../core/policy/policy-rules.js';
import type { TwoFactorMethod } from '../../core/types.js';
import type { Store } from '../../ports/store.js';
import type { AppDeps } from '../deps.js';
import { effectivePolicyFor } from './effective-policy.js';

/** Refuses to start setting up a method the user's policy does not allow (e-mail may be off, T-CODE-7). */
export async function assertMethodAllowed(
  deps: { store: Store },
  userId: string,
  type: string,
): Promise<void> {
  if (!isMethodAllowed(await effectivePolicyFor(deps, userId), type))
    throw new DomainError('method_not_allowed');
}

async function held(store: Store, userId: string, methods: TwoFactorMethod[]): Promise<MethodsHeld> {
  return {
    types: methods.map((m) => m.type),
    recoveryCodesLeft: await store.recoveryCodes.countLeft(userId),
  };
}

/**
 * Refuses to remove the last allowed method, or the last backup when one is required, while the
 * policy requires 2FA: the user would be shut out at the next sign-in or left with no way back.
 */
export async function assertRemovalKeepsPolicy(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  userId: string,
  input: { removing: TwoFactorMethod; active: TwoFactorMethod[] },
): Promise<void> {
  if (input.removing.status !== 'active') return;
  const policy = await effectivePolicyFor(deps, userId);
  const before = await held(deps.store, userId, input.active);
  const remaining = input.active.filter((m) => m.id !== input.removing.id);
  // Removing the last method deletes the recovery codes with it.
  const after =
    remaining.length === 0 ? { types: [], recoveryCodesLeft: 0 } : await held(deps.store, userId, remaining);
  if (breaksPolicyOnRemoval(policy, deps.clock.now(), before, after))
    throw new DomainError('last_required_method');
}

/** With a backup required, a primary is chosen only once a backup exists to fall back on. */
export async function assertBackupForPrimary(
  deps: { store: Store },
  userId: string,
  active: TwoFactorMethod[],
): Promise<void> {
  const policy = await effectivePolicyFor(deps, userId);
  if (policy.backupRequired && !hasBackup(policy, await held(deps.store, userId, active)))
    throw new DomainError('backup_method_required');
}
