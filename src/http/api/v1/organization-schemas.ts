import { z } from '@hono/zod-openapi';
import { Email } from './schemas.js';

/** Shapes of the organization endpoints (API v1); they also generate the OpenAPI document. */

const Role = z.enum(['owner', 'admin', 'member']).openapi('OrganizationRole');
// Malformed ids are answered 404 like unknown ones, by the use case, so the schema only bounds them.
const PathId = z.string().min(1).max(128);

export const OrganizationIdParam = z.object({
  id: PathId.openapi({ param: { name: 'id', in: 'path' }, example: 'q3mT0x9LrS2fXcA8bY1kEw' }),
});

export const MemberParams = z.object({
  id: PathId.openapi({ param: { name: 'id', in: 'path' } }),
  userId: PathId.openapi({ param: { name: 'userId', in: 'path' } }),
});

export const NewOrganization = z
  .object({ name: z.string().min(1).max(400).openapi({ example: 'Mail-IT-Wize' }) })
  .openapi('NewOrganization');

export const MembershipItem = z
  .object({ id: z.string(), name: z.string(), role: Role })
  .openapi('OrganizationMembership');

export const Memberships = z.object({ organizations: z.array(MembershipItem) }).openapi('OrganizationList');

const MemberItem = z
  .object({
    userId: z.string(),
    email: z.string(),
    role: Role,
    joinedAt: z.string(),
    twoFactor: z
      .object({
        enabled: z.boolean(),
        methodTypes: z.array(z.string()).openapi({ description: 'Kinds of method only, never labels' }),
      })
      .nullable()
      .openapi({ description: 'Shown to owners and admins; null for plain members' }),
    lastSignInAt: z.string().nullable().openapi({
      description: 'Last successful sign-in, for owners and admins; null when none or for plain members',
    }),
  })
  .openapi('OrganizationMember');

const PendingInvitation = z
  .object({ id: z.string(), email: z.string(), role: Role, createdAt: z.string(), expiresAt: z.string() })
  .openapi('PendingInvitation');

export const OrganizationDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    role: Role,
    members: z.array(MemberItem),
    invitations: z.array(PendingInvitation),
  })
  .openapi('Organization');

export const NewInvitation = z.object({ email: Email, role: Role }).openapi('NewInvitation');

export const InvitationSent = z
  .object({ id: z.string(), email: z.string(), role: Role, expiresAt: z.string() })
  .openapi('InvitationSent');

export const RoleChange = z.object({ role: Role }).openapi('RoleChange');

export const InvitationToken = z
  .object({ token: z.string().min(1).max(128).openapi({ description: 'The token from the e-mailed link' }) })
  .openapi('InvitationToken');

export const Joined = z
  .object({ organizationId: z.string(), name: z.string(), role: Role })
  .openapi('JoinedOrganization');
