import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  cancelResetFromSession,
  cancelResetWithToken,
  pendingResetFor,
} from '../../../app/support/two-factor-reset.js';
import type { HttpEnv } from '../../env.js';
import { requireSignedIn } from '../../guards.js';
import { jsonAnswer, jsonBody, noContent, problems } from './openapi-helpers.js';

const PendingReset = z
  .object({ pending: z.object({ requestedAt: z.string(), effectiveAt: z.string() }).nullable() })
  .openapi('PendingTwoFactorReset');

const CancelToken = z.object({ token: z.string().min(1).max(128) }).openapi('TwoFactorResetCancel');

/** The user's side of a support reset: see it coming, and stop it. */
export function twoFactorResetRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/me/two-factor-reset',
      summary: 'A support reset of my 2FA that is waiting to take effect, if any',
      responses: { 200: jsonAnswer(PendingReset, 'The pending reset or null'), ...problems(401) },
    }),
    async (c) => {
      const { user } = requireSignedIn(c);
      const reset = await pendingResetFor(c.get('deps'), user.id);
      return c.json(
        {
          pending: reset && {
            requestedAt: reset.requestedAt.toISOString(),
            effectiveAt: reset.effectiveAt.toISOString(),
          },
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/two-factor-reset/cancel',
      summary: 'Cancel a pending support reset of my 2FA',
      responses: { 204: noContent, ...problems(401, 404) },
    }),
    async (c) => {
      const { user } = requireSignedIn(c);
      await cancelResetFromSession(c.get('deps'), user.id, c.get('requestContext'));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/two-factor-reset/cancel',
      summary:
        'Cancel a pending support reset with the token from the notice (no sign-in needed; works once)',
      request: jsonBody(CancelToken),
      responses: { 204: noContent, ...problems(400) },
    }),
    async (c) => {
      await cancelResetWithToken(c.get('deps'), c.req.valid('json').token, c.get('requestContext'));
      return c.body(null, 204);
    },
  );
}
