import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { recentActivity } from '../../../app/accounts/account-activity.js';
import { isEmailVerified, resendVerificationLink } from '../../../app/accounts/verify-email.js';
import { confirmPassword } from '../../../app/sessions/confirm-password.js';
import { listSessions, revokeOtherSessions, revokeSession } from '../../../app/sessions/manage-sessions.js';
import { ownTwoFactorSummary } from '../../../app/two-factor/own-two-factor.js';
import type { HttpEnv } from '../../env.js';
import { requireSignedIn } from '../../guards.js';
import { setSessionCookie } from '../../middleware/session.js';
import { activityAnswer, sessionSeen } from './answers.js';
import { jsonAnswer, jsonBody, noContent, problems } from './openapi-helpers.js';
import { ActivityEvent, ConfirmPassword, IdParam, Me, SessionInfo } from './schemas.js';

export function meRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: 'The signed-in user and their 2FA',
      responses: { 200: jsonAnswer(Me, 'The user'), ...problems(401) },
    }),
    async (c) => {
      const auth = requireSignedIn(c);
      const { user } = auth;
      const [twoFactor, emailVerified] = await Promise.all([
        ownTwoFactorSummary(c.get('deps'), auth),
        isEmailVerified(c.get('deps'), user),
      ]);
      return c.json(
        {
          id: user.id,
          email: user.email,
          emailVerified,
          twoFactor: {
            ...twoFactor,
            methods: twoFactor.methods.map((m) => ({
              ...m,
              createdAt: m.createdAt.toISOString(),
              lastUsedAt: m.lastUsedAt?.toISOString() ?? null,
            })),
          },
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/email-verification',
      summary: 'Mail the link that confirms the account address again (once a minute at most)',
      responses: { 202: { description: 'Sent' }, ...problems(401, 409, 429) },
    }),
    async (c) => {
      await resendVerificationLink(c.get('deps'), requireSignedIn(c), c.get('requestContext'));
      return c.body(null, 202);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/confirm-password',
      summary: 'Confirm the password: opens sudo mode for this session for a few minutes',
      request: jsonBody(ConfirmPassword),
      responses: { 204: noContent, ...problems(400, 401, 403, 429) },
    }),
    async (c) => {
      const { token } = await confirmPassword(c.get('deps'), requireSignedIn(c), {
        password: c.req.valid('json').password,
        context: c.get('requestContext'),
      });
      setSessionCookie(c, token);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/me/sessions',
      summary: 'Signed-in devices',
      responses: { 200: jsonAnswer(z.array(SessionInfo), 'Sessions, most recent first'), ...problems(401) },
    }),
    async (c) => {
      const auth = requireSignedIn(c);
      const sessions = await listSessions(c.get('deps'), auth);
      return c.json(
        sessions
          .filter((s) => s.state === 'signed_in')
          .map((s) => ({ id: s.id, current: s.id === auth.session.id, ...sessionSeen(s) })),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/me/sessions/{id}',
      summary: 'Sign one device out (another device needs sudo mode)',
      request: { params: IdParam },
      responses: { 204: noContent, ...problems(401, 403, 404) },
    }),
    async (c) => {
      await revokeSession(c.get('deps'), requireSignedIn(c), {
        sessionId: c.req.valid('param').id,
        context: c.get('requestContext'),
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/sessions/revoke-others',
      summary: 'Sign every other device out (needs sudo mode)',
      responses: {
        200: jsonAnswer(z.object({ ended: z.number().int() }), 'How many ended'),
        ...problems(401, 403),
      },
    }),
    async (c) => {
      const ended = await revokeOtherSessions(c.get('deps'), requireSignedIn(c), c.get('requestContext'));
      return c.json({ ended }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/me/activity',
      summary: 'Recent security activity',
      responses: { 200: jsonAnswer(z.array(ActivityEvent), 'Newest first'), ...problems(401) },
    }),
    async (c) => {
      const events = await recentActivity(c.get('deps'), requireSignedIn(c), 50);
      return c.json(events.map(activityAnswer), 200);
    },
  );
}
