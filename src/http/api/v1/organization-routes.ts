import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { acceptInvitation } from '../../../app/organizations/accept-invitation.js';
import { createOrganization } from '../../../app/organizations/create-organization.js';
import { inviteMember } from '../../../app/organizations/invite-member.js';
import { changeMemberRole, removeMember } from '../../../app/organizations/manage-members.js';
import { ownMemberships, viewOrganization } from '../../../app/organizations/view-organization.js';
import type { HttpEnv } from '../../env.js';
import { requireSignedIn } from '../../guards.js';
import { jsonAnswer, jsonBody, noContent, problems } from './openapi-helpers.js';
import {
  InvitationSent,
  InvitationToken,
  Joined,
  MemberParams,
  Memberships,
  NewInvitation,
  NewOrganization,
  OrganizationDetail,
  OrganizationIdParam,
  RoleChange,
} from './organization-schemas.js';

/**
 * Organizations (customer accounts). Someone outside an organization gets 404 for it, as for an
 * id that does not exist; a member without the role gets 403; managing members needs sudo.
 */
export function organizationRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/organizations',
      summary: 'The organizations the signed-in user belongs to, with their role in each',
      responses: { 200: jsonAnswer(Memberships, 'Memberships'), ...problems(401) },
    }),
    async (c) => {
      const auth = requireSignedIn(c);
      const memberships = await ownMemberships(c.get('deps'), auth);
      return c.json(
        {
          organizations: memberships.map((m) => ({
            id: m.organizationId,
            name: m.organizationName,
            role: m.role,
          })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/organizations',
      summary: 'Create an organization; the caller becomes its owner',
      request: jsonBody(NewOrganization),
      responses: {
        201: jsonAnswer(Memberships.shape.organizations.element, 'Created'),
        ...problems(400, 401, 429),
      },
    }),
    async (c) => {
      const auth = requireSignedIn(c);
      const organization = await createOrganization(c.get('deps'), {
        name: c.req.valid('json').name,
        owner: auth.user,
        context: c.get('requestContext'),
      });
      return c.json({ id: organization.id, name: organization.name, role: 'owner' as const }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/organizations/{id}',
      summary: 'An organization with its members; owners and admins also see 2FA status and invitations',
      request: { params: OrganizationIdParam },
      responses: { 200: jsonAnswer(OrganizationDetail, 'The organization'), ...problems(401, 404) },
    }),
    async (c) => {
      const view = await viewOrganization(c.get('deps'), requireSignedIn(c), c.req.valid('param').id);
      return c.json(
        {
          id: view.organization.id,
          name: view.organization.name,
          createdAt: view.organization.createdAt.toISOString(),
          role: view.role,
          members: view.members.map((m) => ({
            ...m,
            joinedAt: m.joinedAt.toISOString(),
            lastSignInAt: m.lastSignInAt?.toISOString() ?? null,
          })),
          invitations: view.invitations.map((i) => ({
            ...i,
            createdAt: i.createdAt.toISOString(),
            expiresAt: i.expiresAt.toISOString(),
          })),
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/organizations/{id}/invitations',
      summary: 'E-mail an invitation link (single use, 7 days); owners and admins, with sudo',
      request: { params: OrganizationIdParam, ...jsonBody(NewInvitation) },
      responses: { 201: jsonAnswer(InvitationSent, 'Sent'), ...problems(400, 401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const sent = await inviteMember(c.get('deps'), requireSignedIn(c), {
        organizationId: c.req.valid('param').id,
        email: body.email,
        role: body.role,
        context: c.get('requestContext'),
      });
      return c.json({ ...sent, expiresAt: sent.expiresAt.toISOString() }, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/organizations/{id}/members/{userId}/role',
      summary: "Change a member's role; admins cannot touch owners; the last owner stays; with sudo",
      request: { params: MemberParams, ...jsonBody(RoleChange) },
      responses: { 204: noContent, ...problems(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      await changeMemberRole(c.get('deps'), requireSignedIn(c), {
        organizationId: id,
        userId,
        role: c.req.valid('json').role,
        context: c.get('requestContext'),
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/organizations/{id}/members/{userId}',
      summary: 'Remove a member; admins cannot remove owners; the last owner stays; with sudo',
      request: { params: MemberParams },
      responses: { 204: noContent, ...problems(401, 403, 404, 409) },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      await removeMember(c.get('deps'), requireSignedIn(c), {
        organizationId: id,
        userId,
        context: c.get('requestContext'),
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/invitations/accept',
      summary: 'Accept an invitation as the invited address; the token travels in the body, never the URL',
      request: jsonBody(InvitationToken),
      responses: { 200: jsonAnswer(Joined, 'Joined'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const joined = await acceptInvitation(c.get('deps'), requireSignedIn(c), {
        token: c.req.valid('json').token,
        context: c.get('requestContext'),
      });
      return c.json(
        { organizationId: joined.organizationId, name: joined.organizationName, role: joined.role },
        200,
      );
    },
  );
}
