import { isManager } from '../../core/organizations/member-rules.js';
import type { Invitation, Member, Membership, Organization } from '../../core/organizations/organization.js';
import type { OrganizationRole } from '../../core/organizations/roles.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { twoFactorSummary } from '../two-factor/two-factor-status.js';
import { membershipIn } from './organization-access.js';

/** What an owner or admin sees of a member's 2FA: whether it is on and which kinds of method. */
export interface MemberTwoFactor {
  enabled: boolean;
  /** Method types only ("totp", "sms", …): never labels, numbers, addresses or secrets. */
  methodTypes: string[];
}

export interface OrganizationView {
  organization: Organization;
  /** The caller's own role. */
  role: OrganizationRole;
  /** `twoFactor` and `lastSignInAt` are for owners and admins: null for plain members. */
  members: Array<Member & { twoFactor: MemberTwoFactor | null; lastSignInAt: Date | null }>;
  /** Pending invitations; empty for plain members, who do not manage the organization. */
  invitations: Array<Pick<Invitation, 'id' | 'email' | 'role' | 'createdAt' | 'expiresAt'>>;
}

/**
 * The organization as the caller may see it. Every member sees who belongs and in which role;
 * owners and admins also see each member's 2FA status and pending invitations.
 */
export async function viewOrganization(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  auth: Authenticated,
  organizationId: string,
): Promise<OrganizationView> {
  const { store, clock } = deps;
  const { organization, role } = await membershipIn(store, organizationId, auth.user.id);
  const manager = isManager(role);
  const members = await store.organizations.membersOf(organization.id);
  const lastSignIns = manager
    ? await store.organizations.lastSignIns(organization.id)
    : new Map<string, Date>();
  const withTwoFactor = await Promise.all(
    members.map(async (member) => {
      if (!manager) return { ...member, twoFactor: null, lastSignInAt: null };
      const summary = await twoFactorSummary(store, member.userId);
      const methodTypes = [...new Set(summary.methods.map((m) => m.type))];
      const lastSignInAt = lastSignIns.get(member.userId) ?? null;
      return { ...member, twoFactor: { enabled: summary.enabled, methodTypes }, lastSignInAt };
    }),
  );
  const invitations = manager
    ? (await store.organizations.pendingInvitations(organization.id, clock.now())).map(
        ({ id, email, role: invitedAs, createdAt, expiresAt }) => ({
          id,
          email,
          role: invitedAs,
          createdAt,
          expiresAt,
        }),
      )
    : [];
  return { organization, role, members: withTwoFactor, invitations };
}

/** The organizations the caller belongs to, with their role in each. */
export function ownMemberships(deps: Pick<AppDeps, 'store'>, auth: Authenticated): Promise<Membership[]> {
  return deps.store.organizations.membershipsOfUser(auth.user.id);
}
