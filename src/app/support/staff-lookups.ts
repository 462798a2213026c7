import { DomainError } from '../../core/errors.js';
import type { AuditEvent, User } from '../../core/types.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { hasStaffRole } from './staff-access.js';
import { findUserById } from './staff-actions.js';

/** Reading other people's accounts is for staff whose session finished every step. */
function assertStaff(staff: Authenticated): void {
  if (staff.session.state !== 'signed_in' || !hasStaffRole(staff.user, 'support'))
    throw new DomainError('forbidden');
}

/** Support looks an account up by its e-mail address; null when there is none. */
export async function findUserByEmailAsStaff(
  deps: Pick<AppDeps, 'store'>,
  staff: Authenticated,
  email: string,
): Promise<User | null> {
  assertStaff(staff);
  return deps.store.users.findByEmail(email);
}

/** A user's audit trail, newest first, as support sees it; an unknown user is `not_found`. */
export async function auditTrailAsStaff(
  deps: Pick<AppDeps, 'store'>,
  staff: Authenticated,
  input: { userId: string; limit: number },
): Promise<AuditEvent[]> {
  assertStaff(staff);
  const user = await findUserById(deps, input.userId);
  return deps.store.audit.listForUser(user.id, input.limit);
}
