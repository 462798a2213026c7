import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  disableAccount,
  enableAccount,
  resetTwoFactorAsStaff,
  signUserOutEverywhere,
  userOverview,
} from '../../../app/support/staff-actions.js';
import { auditTrailAsStaff, findUserByEmailAsStaff } from '../../../app/support/staff-lookups.js';
import { maxReasonLength } from '../../../app/support/two-factor-reset.js';
import { DomainError } from '../../../core/errors.js';
import type { User } from '../../../core/types.js';
import { requireStaff, staffMember } from '../../console/staff-guard.js';
import type { HttpEnv } from '../../env.js';
import { activityAnswer, sessionSeen } from './answers.js';
import { jsonAnswer, jsonBody, noContent, problems } from './openapi-helpers.js';
import { Email, IdParam } from './schemas.js';

const AdminUser = z
  .object({
    id: z.string(),
    email: z.string(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
    staffRole: z.enum(['support', 'operator']).nullable(),
  })
  .openapi('AdminUser');

const AdminUserDetail = z
  .object({
    user: AdminUser,
    twoFactor: z.object({
      methods: z.array(
        z.object({
          id: z.string(),
          type: z.string(),
          label: z.string(),
          status: z.enum(['pending', 'active']),
          createdAt: z.string(),
          lastUsedAt: z.string().nullable(),
        }),
      ),
      recoveryCodesLeft: z.number().int(),
    }),
    sessions: z.array(
      z.object({
        id: z.string(),
        state: z.enum(['second_factor', 'signed_in']),
        createdAt: z.string(),
        lastSeenAt: z.string(),
        userAgent: z.string(),
        ip: z.string(),
      }),
    ),
    pendingReset: z
      .object({ requestedAt: z.string(), effectiveAt: z.string(), reason: z.string() })
      .nullable(),
  })
  .openapi('AdminUserDetail');

const AdminAuditEvent = z
  .object({
    id: z.string(),
    type: z.string(),
    at: z.string(),
    ip: z.string(),
    userAgent: z.string(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .openapi('AdminAuditEvent');

const ResetRequest = z
  .object({ reason: z.string().trim().min(1).max(maxReasonLength) })
  .openapi('TwoFactorResetRequest');

const ResetAnswer = z
  .object({ status: z.enum(['pending', 'done']), effectiveAt: z.string() })
  .openapi('TwoFactorResetAnswer');

const adminUser = (u: User) => ({
  id: u.id,
  email: u.email,
  createdAt: u.createdAt.toISOString(),
  disabledAt: u.disabledAt?.toISOString() ?? null,
  staffRole: u.staffRole,
});

const staffOnly = { 401: problems(401)[401]!, 403: problems(403)[403]! };

/**
 * The support console's API: staff only (401 signed out or owing a second factor, 403 for anyone
 * else), every change in sudo mode and audited with the staff member as actor.
 */
export function adminUserRoutes(api: OpenAPIHono<HttpEnv>): void {
  // Before the routes: Hono runs handlers in the order they were added.
  api.use('/admin/*', requireStaff('support'));

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users',
      summary: 'Staff: find a user by e-mail address',
      request: { query: z.object({ email: Email }) },
      responses: { 200: jsonAnswer(AdminUser, 'The user'), ...staffOnly, ...problems(400, 404) },
    }),
    async (c) => {
      const user = await findUserByEmailAsStaff(c.get('deps'), staffMember(c), c.req.valid('query').email);
      if (!user) throw new DomainError('not_found');
      return c.json(adminUser(user), 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users/{id}',
      summary: 'Staff: a user with their 2FA methods (never secrets), sessions and pending reset',
      request: { params: IdParam },
      responses: { 200: jsonAnswer(AdminUserDetail, 'The user'), ...staffOnly, ...problems(404) },
    }),
    async (c) => {
      const o = await userOverview(c.get('deps'), c.req.valid('param').id, 0);
      return c.json(
        {
          user: adminUser(o.user),
          twoFactor: {
            methods: o.methods.map((m) => ({
              id: m.id,
              type: m.type,
              label: m.label,
              status: m.status,
              createdAt: m.createdAt.toISOString(),
              lastUsedAt: m.lastUsedAt?.toISOString() ?? null,
            })),
            recoveryCodesLeft: o.recoveryCodesLeft,
          },
          sessions: o.sessions.map((s) => ({ id: s.id, state: s.state, ...sessionSeen(s) })),
          pendingReset: o.pendingReset && {
            requestedAt: o.pendingReset.requestedAt.toISOString(),
            effectiveAt: o.pendingReset.effectiveAt.toISOString(),
            reason: o.pendingReset.reason,
          },
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/users/{id}/audit',
      summary: "Staff: the user's audit trail, newest first",
      request: { params: IdParam },
      responses: { 200: jsonAnswer(z.array(AdminAuditEvent), 'Events'), ...staffOnly, ...problems(404) },
    }),
    async (c) => {
      const events = await auditTrailAsStaff(c.get('deps'), staffMember(c), {
        userId: c.req.valid('param').id,
        limit: 200,
      });
      return c.json(
        events.map((e) => ({ ...activityAnswer(e), detail: e.detail })),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/users/{id}/sign-out',
      summary: 'Staff: sign the user out everywhere (sudo)',
      request: { params: IdParam },
      responses: {
        200: jsonAnswer(z.object({ ended: z.number().int() }), 'How many sessions ended'),
        ...staffOnly,
        ...problems(404),
      },
    }),
    async (c) => {
      const ended = await signUserOutEverywhere(c.get('deps'), staffMember(c), {
        userId: c.req.valid('param').id,
        context: c.get('requestContext'),
      });
      return c.json({ ended }, 200);
    },
  );

  const accountSwitches = [
    {
      to: 'disable',
      summary: 'Staff: disable the account; its sessions end at once (sudo)',
      act: disableAccount,
    },
    { to: 'enable', summary: 'Staff: enable the account again (sudo)', act: enableAccount },
  ] as const;
  for (const { to, summary, act } of accountSwitches) {
    api.openapi(
      createRoute({
        method: 'post',
        path: `/admin/users/{id}/${to}`,
        summary,
        request: { params: IdParam },
        responses: { 204: noContent, ...staffOnly, ...problems(404) },
      }),
      async (c) => {
        await act(c.get('deps'), staffMember(c), {
          userId: c.req.valid('param').id,
          context: c.get('requestContext'),
        });
        return c.body(null, 204);
      },
    );
  }

  api.openapi(
    createRoute({
      method: 'post',
      path: '/admin/users/{id}/two-factor-reset',
      summary: "Staff: reset the user's 2FA after the waiting period; the user is told and may cancel (sudo)",
      request: { params: IdParam, ...jsonBody(ResetRequest) },
      responses: {
        202: jsonAnswer(ResetAnswer, 'Accepted: pending until effectiveAt, or done when there is no wait'),
        ...staffOnly,
        ...problems(400, 404, 409),
      },
    }),
    async (c) => {
      const reset = await resetTwoFactorAsStaff(c.get('deps'), staffMember(c), {
        userId: c.req.valid('param').id,
        reason: c.req.valid('json').reason,
        context: c.get('requestContext'),
      });
      return c.json(
        {
          status: reset.status === 'done' ? ('done' as const) : ('pending' as const),
          effectiveAt: reset.effectiveAt.toISOString(),
        },
        202,
      );
    },
  );
}
