import { DomainError } from '../../core/errors.js';
import { mayGrant, mayManage } from '../../core/organizations/member-rules.js';
import type { MemberChange } from '../../core/organizations/organization.js';
import type { OrganizationRole } from '../../core/organizations/roles.js';
import type { RequestContext } from '../../core/types.js';
import type { Store } from '../../ports/store.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { isIdShaped, managerIn } from './organization-access.js';

/** The target's role, checked against what the caller may touch; an unknown member is `not_found`. */
async function targetRole(store: Store, organizationId: string, userId: string, actor: OrganizationRole) {
  const role = isIdShaped(userId) ? await store.organizations.roleOf(organizationId, userId) : null;
  if (!role) throw new DomainError('not_found');
  if (!mayManage(actor, role)) throw new DomainError('forbidden');
  return role;
}

function settle(outcome: MemberChange): void {
  if (outcome === 'not_member') throw new DomainError('not_found');
  if (outcome === 'last_owner') throw new DomainError('last_owner');
}

/**
 * The member the caller is about to change, for a confirmation page: the same checks as the change
 * itself (404 outside the organization or for an unknown member, 403 for a role too low).
 */
export async function managedMember(
  deps: Pick<AppDeps, 'store'>,
  auth: Authenticated,
  input: { organizationId: string; userId: string },
) {
  const { organization, role: actor } = await managerIn(deps.store, input.organizationId, auth.user.id);
  await targetRole(deps.store, organization.id, input.userId, actor);
  const member = (await deps.store.organizations.membersOf(organization.id)).find(
    (m) => m.userId === input.userId,
  );
  if (!member) throw new DomainError('not_found');
  return { organization, member };
}

/**
 * Gives a member another role. Owners change anyone; admins change admins and members but neither
 * touch an owner nor make one. The last owner is never demoted. Needs sudo; audited.
 */
export async function changeMemberRole(
  deps: AppDeps,
  auth: Authenticated,
  input: { organizationId: string; userId: string; role: OrganizationRole; context: RequestContext },
): Promise<void> {
  const { store, clock, random } = deps;
  const { organization, role: actor } = await managerIn(store, input.organizationId, auth.user.id);
  const from = await targetRole(store, organization.id, input.userId, actor);
  if (!mayGrant(actor, input.role)) throw new DomainError('forbidden');
  requireSudo(deps, auth);
  if (from === input.role) return;
  const now = clock.now();
  await store.transaction(async (tx) => {
    settle(await tx.organizations.changeRole(organization.id, input.userId, input.role));
    await recordAudit(tx, random, now, {
      userId: auth.user.id,
      type: 'organization_role_changed',
      context: input.context,
      detail: { organizationId: organization.id, memberId: input.userId, from, to: input.role },
    });
  });
}

/** Takes a member out of the organization, under the same rules as a role change. */
export async function removeMember(
  deps: AppDeps,
  auth: Authenticated,
  input: { organizationId: string; userId: string; context: RequestContext },
): Promise<void> {
  const { store, clock, random } = deps;
  const { organization, role: actor } = await managerIn(store, input.organizationId, auth.user.id);
  const role = await targetRole(store, organization.id, input.userId, actor);
  requireSudo(deps, auth);
  const now = clock.now();
  await store.transaction(async (tx) => {
    settle(await tx.organizations.removeMember(organization.id, input.userId));
    await recordAudit(tx, random, now, {
      userId: auth.user.id,
      type: 'organization_member_removed',
      context: input.context,
      detail: { organizationId: organization.id, memberId: input.userId, role },
    });
  });
}
