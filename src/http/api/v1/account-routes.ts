import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { changePassword } from '../../../app/accounts/change-password.js';
import { createAccount } from '../../../app/accounts/create-account.js';
import { requestPasswordReset, resetPassword } from '../../../app/accounts/password-reset.js';
import type { HttpEnv } from '../../env.js';
import { requireSignedIn } from '../../guards.js';
import { setSessionCookie } from '../../middleware/session.js';
import { jsonAnswer, jsonBody, noContent, problems } from './openapi-helpers.js';
import { Account, ChangePassword, Credentials, ResetComplete, ResetRequest } from './schemas.js';

export function accountRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/accounts',
      summary: 'Create an account (when sign-up is open)',
      description:
        'An address that already has an account gets the same answer; its owner is told by e-mail.',
      request: jsonBody(Credentials),
      responses: { 201: jsonAnswer(Account, 'Created'), ...problems(400, 403, 422, 429) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const account = await createAccount(c.get('deps'), {
        email,
        password,
        context: c.get('requestContext'),
      });
      return c.json(account, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/password',
      summary: 'Change the password; other sessions end',
      request: jsonBody(ChangePassword),
      responses: { 204: noContent, ...problems(400, 401, 403, 422, 429) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { token } = await changePassword(c.get('deps'), requireSignedIn(c), {
        ...body,
        context: c.get('requestContext'),
      });
      setSessionCookie(c, token);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/password-reset',
      summary: 'Send a reset link, if the address has an account (the answer is the same either way)',
      request: jsonBody(ResetRequest),
      responses: { 202: { description: 'Accepted' }, ...problems(400, 429) },
    }),
    async (c) => {
      await requestPasswordReset(c.get('deps'), {
        email: c.req.valid('json').email,
        context: c.get('requestContext'),
      });
      return c.body(null, 202);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/password-reset/complete',
      summary: 'Set a new password with a reset token; signs nobody in',
      request: jsonBody(ResetComplete),
      responses: { 204: noContent, ...problems(400, 422) },
    }),
    async (c) => {
      const { token, password } = c.req.valid('json');
      await resetPassword(c.get('deps'), { token, newPassword: password, context: c.get('requestContext') });
      return c.body(null, 204);
    },
  );
}
