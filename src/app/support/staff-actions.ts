import { DomainError } from '../../core/errors.js';
import type { TwoFactorReset } from '../../core/two-factor/two-factor-reset.js';
import type {
  AuditEvent,
  RequestContext,
  Session,
  StaffRole,
  TwoFactorMethod,
  User,
} from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { assertMayActOn } from './staff-access.js';
import { requestTwoFactorReset } from './two-factor-reset.js';

const userIdShape = /^[A-Za-z0-9_-]{1,64}$/;

/** What support sees of a user: never a secret, a code or a full destination. */
export interface UserOverview {
  user: User;
  methods: Array<Pick<TwoFactorMethod, 'id' | 'type' | 'label' | 'status' | 'createdAt' | 'lastUsedAt'>>;
  recoveryCodesLeft: number;
  sessions: Session[];
  events: AuditEvent[];
  pendingReset: TwoFactorReset | null;
}

export async function findUserById(deps: Pick<AppDeps, 'store'>, userId: string): Promise<User> {
  // Ids are base64url; anything else cannot name a user and must not reach the database (NUL).
  const user = userIdShape.test(userId) ? await deps.store.users.findById(userId) : null;
  if (!user) throw new DomainError('not_found');
  return user;
}

export async function userOverview(deps: AppDeps, userId: string, eventLimit = 50): Promise<UserOverview> {
  const { store } = deps;
  const user = await findUserById(deps, userId);
  const [methods, recoveryCodesLeft, sessions, events, pendingReset] = await Promise.all([
    store.methods.listForUser(user.id),
    store.recoveryCodes.countLeft(user.id),
    store.sessions.listForUser(user.id),
    store.audit.listForUser(user.id, eventLimit),
    store.twoFactorResets.findPendingForUser(user.id),
  ]);
  return {
    user,
    methods: methods.map(({ id, type, label, status, createdAt, lastUsedAt }) => ({
      id,
      type,
      label,
      status,
      createdAt,
      lastUsedAt,
    })),
    recoveryCodesLeft,
    sessions,
    events,
    pendingReset,
  };
}

/** Every console action: sudo in the staff member's own session, and a target they may change. */
export async function authorize(deps: AppDeps, staff: Authenticated, userId: string): Promise<User> {
  requireSudo(deps, staff);
  const target = await findUserById(deps, userId);
  assertMayActOn(staff.user, target);
  return target;
}

const actor = (staff: Authenticated) => ({ actor: staff.user.id, actorEmail: staff.user.email });

/** Ends every session of the user at once: the next request of each fails (threat model T-SESSION-3). */
export async function signUserOutEverywhere(
  deps: AppDeps,
  staff: Authenticated,
  input: { userId: string; context: RequestContext },
): Promise<number> {
  const target = await authorize(deps, staff, input.userId);
  return deps.store.transaction(async (tx) => {
    const ended = await tx.sessions.deleteForUser(target.id);
    await recordAudit(tx, deps.random, deps.clock.now(), {
      userId: target.id,
      type: 'staff_signed_user_out',
      context: input.context,
      detail: { ...actor(staff), ended },
    });
    return ended;
  });
}

/** Disables the account; its sessions end in the same transaction, not at their timeout (threat model T-SESSION-3). */
export async function disableAccount(
  deps: AppDeps,
  staff: Authenticated,
  input: { userId: string; context: RequestContext },
): Promise<void> {
  const target = await authorize(deps, staff, input.userId);
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await tx.users.setDisabled(target.id, now);
    const ended = await tx.sessions.deleteForUser(target.id);
    await recordAudit(tx, deps.random, now, {
      userId: target.id,
      type: 'account_disabled',
      context: input.context,
      detail: { ...actor(staff), ended },
    });
  });
}

export async function enableAccount(
  deps: AppDeps,
  staff: Authenticated,
  input: { userId: string; context: RequestContext },
): Promise<void> {
  const target = await authorize(deps, staff, input.userId);
  await deps.store.transaction(async (tx) => {
    await tx.users.setDisabled(target.id, null);
    await recordAudit(tx, deps.random, deps.clock.now(), {
      userId: target.id,
      type: 'account_enabled',
      context: input.context,
      detail: actor(staff),
    });
  });
}

/** Support's 2FA reset: the waiting period always applies here; only the CLI may skip it. */
export async function resetTwoFactorAsStaff(
  deps: AppDeps,
  staff: Authenticated,
  input: { userId: string; reason: string; context: RequestContext },
): Promise<TwoFactorReset> {
  const target = await authorize(deps, staff, input.userId);
  return requestTwoFactorReset(deps, {
    actor: staff.user,
    userId: target.id,
    reason: input.reason,
    context: input.context,
  });
}

/** `twostep user role`: grants or takes away a staff role. */
export async function setStaffRole(
  deps: AppDeps,
  input: { email: string; role: StaffRole | null; context: RequestContext },
): Promise<User> {
  const user = await deps.store.users.findByEmail(input.email);
  if (!user) throw new DomainError('not_found', `No account for ${input.email}`);
  await deps.store.transaction(async (tx) => {
    await tx.users.setStaffRole(user.id, input.role);
    await recordAudit(tx, deps.random, deps.clock.now(), {
      userId: user.id,
      type: 'staff_role_changed',
      context: input.context,
      detail: { from: user.staffRole, to: input.role },
    });
  });
  return { ...user, staffRole: input.role };
}
