import type { AuditEvent, User } from '../../core/types.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { assertStaff } from './staff-access.js';
import { findUserById } from './staff-actions.js';

/** Support looks an account up by its e-mail address; null when there is none. */
export async function findUserByEmailAsStaff(
  deps: Pick<AppDeps, 'store'>,
  staff: Authenticated,
  email: string,
): Promise<User | null> {
  assertStaff(staff, 'support');
  return deps.store.users.findByEmail(email);
}

/** A user's audit trail, newest first, as support sees it; an unknown user is `not_found`. */
export async function auditTrailAsStaff(
  deps: Pick<AppDeps, 'store'>,
  staff: Authenticated,
  input: { userId: string; limit: number },
): Promise<AuditEvent[]> {
  assertStaff(staff, 'support');
  const user = await findUserById(deps, input.userId);
  return deps.store.audit.listForUser(user.id, input.limit);
}
