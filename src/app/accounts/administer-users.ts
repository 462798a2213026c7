import { DomainError } from '../../core/errors.js';
import type { RequestContext, User } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';

/** Operator actions, used by the CLI (and later the support console). */

async function findUser(deps: AppDeps, email: string): Promise<User> {
  const user = await deps.store.users.findByEmail(email);
  if (!user) throw new DomainError('not_found', `No account for ${email}`);
  return user;
}

/** Disables an account; its sessions end at once (ASVS 7.4.2). */
export async function disableUser(deps: AppDeps, email: string, context: RequestContext): Promise<User> {
  const user = await findUser(deps, email);
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await tx.users.setDisabled(user.id, now);
    await tx.sessions.deleteForUser(user.id);
    await recordAudit(tx, deps.random, now, { userId: user.id, type: 'account_disabled', context });
  });
  return { ...user, disabledAt: now };
}

export async function enableUser(deps: AppDeps, email: string, context: RequestContext): Promise<User> {
  const user = await findUser(deps, email);
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await tx.users.setDisabled(user.id, null);
    await recordAudit(tx, deps.random, now, { userId: user.id, type: 'account_enabled', context });
  });
  return { ...user, disabledAt: null };
}
