import type { OrganizationRole } from './roles.js';

/** A customer account: people join it as members, each with one role. */
export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
}

export interface Membership {
  organizationId: string;
  organizationName: string;
  role: OrganizationRole;
}

export interface Member {
  userId: string;
  email: string;
  role: OrganizationRole;
  joinedAt: Date;
}

/** An e-mailed invitation; the link's token is kept only as its hash. */
export interface Invitation {
  id: string;
  tokenHash: string;
  organizationId: string;
  /** The address invited: only the account with this address may accept. */
  email: string;
  role: OrganizationRole;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

/** Outcome of a change that must leave the organization with at least one owner. */
export type MemberChange = 'changed' | 'not_member' | 'last_owner';
