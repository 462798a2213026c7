import { DomainError } from '../../core/errors.js';
import type { StaffRole, User } from '../../core/types.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { hasTwoFactor } from '../two-factor/two-factor-status.js';

const rank: Record<StaffRole, number> = { support: 1, operator: 2 };

/** Whether the user holds `needed` or a higher staff role; `operator` covers everything `support` may. */
export function hasStaffRole(user: Pick<User, 'staffRole'>, needed: StaffRole): boolean {
  return user.staffRole !== null && rank[user.staffRole] >= rank[needed];
}

/**
 * Whether a staff member may change another account from the console. Not their own (that is the
 * security page, with its own checks), and not a colleague of the same or a higher role: otherwise
 * one support login could reset an operator's 2FA and take the operator's powers.
 */
export function mayActOn(
  actor: Pick<User, 'id' | 'staffRole'>,
  target: Pick<User, 'id' | 'staffRole'>,
): boolean {
  if (actor.staffRole === null || actor.id === target.id) return false;
  return target.staffRole === null || rank[target.staffRole] < rank[actor.staffRole];
}

export function assertMayActOn(
  actor: Pick<User, 'id' | 'staffRole'>,
  target: Pick<User, 'id' | 'staffRole'>,
): void {
  if (!mayActOn(actor, target)) throw new DomainError('forbidden');
}

/** Staff work needs the role and a session that finished every step; anyone else is `forbidden`. */
export function assertStaff(staff: Authenticated, needed: StaffRole): void {
  if (staff.session.state !== 'signed_in' || !hasStaffRole(staff.user, needed))
    throw new DomainError('forbidden');
}

/**
 * Whether a staff member may work in the console: only with 2FA of their own. One password
 * guessed or phished must not open every customer's account.
 */
export function staffHasTwoFactor(deps: Pick<AppDeps, 'store'>, staff: Pick<User, 'id'>): Promise<boolean> {
  return hasTwoFactor(deps.store, staff.id);
}
