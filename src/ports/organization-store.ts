import type {
  Invitation,
  Member,
  MemberChange,
  Membership,
  Organization,
} from '../core/organizations/organization.js';
import type { OrganizationRole } from '../core/organizations/roles.js';

/** Organizations (customer accounts), their members and pending invitations. */
export interface OrganizationStore {
  /** Creates the organization with its first owner, in one step. */
  create(organization: Organization, owner: { userId: string; joinedAt: Date }): Promise<void>;
  findById(id: string): Promise<Organization | null>;
  list(options: { limit: number; offset: number }): Promise<Organization[]>;
  /** Every organization the user belongs to, with the role held there; by name. */
  membershipsOfUser(userId: string): Promise<Membership[]>;
  /** The user's role in that organization, or null when not a member. */
  roleOf(organizationId: string, userId: string): Promise<OrganizationRole | null>;
  /** Members by role (owners first), then by e-mail. */
  membersOf(organizationId: string): Promise<Member[]>;
  /** When each member last signed in successfully (from the audit trail); members who never did are absent. */
  lastSignIns(organizationId: string): Promise<Map<string, Date>>;
  /** Adds the user unless already a member; returns whether it was added (race-safe). */
  addMember(member: {
    organizationId: string;
    userId: string;
    role: OrganizationRole;
    joinedAt: Date;
  }): Promise<boolean>;
  /**
   * Changes a role; refuses to demote the last owner. The check and the write hold the
   * organization's lock, so two owners demoting each other at once cannot both succeed.
   */
  changeRole(organizationId: string, userId: string, role: OrganizationRole): Promise<MemberChange>;
  /** Removes a member; refuses to remove the last owner, under the same lock as changeRole. */
  removeMember(organizationId: string, userId: string): Promise<MemberChange>;

  createInvitation(invitation: Invitation): Promise<void>;
  /** The invitation while unused and unexpired; spends nothing. */
  findValidInvitation(tokenHash: string, now: Date): Promise<Invitation | null>;
  /** Spends the invitation once, atomically; null when unknown, used or expired. */
  consumeInvitation(tokenHash: string, now: Date): Promise<Invitation | null>;
  /** Invitations of the organization not yet accepted nor expired, newest first. */
  pendingInvitations(organizationId: string, now: Date): Promise<Invitation[]>;
}
