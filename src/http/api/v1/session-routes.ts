import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { signOut } from '../../../app/sessions/manage-sessions.js';
import { signIn } from '../../../app/sessions/sign-in.js';
import { ownSignInChoices } from '../../../app/two-factor/own-two-factor.js';
import type { HttpEnv } from '../../env.js';
import { rememberedDeviceTokens } from '../../middleware/remembered-device-cookie.js';
import { clearSessionCookie, setSessionCookie } from '../../middleware/session.js';
import { jsonAnswer, jsonBody, noContent, problems } from './openapi-helpers.js';
import { Credentials, SessionState } from './schemas.js';

export function sessionRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/session',
      summary: 'Sign in with e-mail and password',
      description:
        'Answers `signed_in`, or `second_factor` when the user has 2FA: that cookie then proves nothing but the second step. A browser this user remembered (`rememberDevice` at the second step) skips the second step, never the password. `two_factor_setup_required`: a policy requires 2FA the user lacks; that cookie then only sets it up.',
      request: jsonBody(Credentials),
      responses: {
        200: jsonAnswer(SessionState, 'Signed in, or a second factor is owed'),
        ...problems(400, 401, 403, 429),
      },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const deps = c.get('deps');
      const result = await signIn(deps, {
        email,
        password,
        context: c.get('requestContext'),
        previousToken: c.get('sessionToken'),
        rememberedDeviceTokens: rememberedDeviceTokens(c),
      });
      setSessionCookie(c, result.token);
      if (result.session.state === 'signed_in') return c.json({ state: 'signed_in' as const }, 200);
      if (result.session.state === 'two_factor_setup')
        return c.json({ state: 'two_factor_setup_required' as const }, 200);
      const challenge = await ownSignInChoices(deps, result);
      return c.json({ state: 'second_factor' as const, ...challenge }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/session',
      summary: 'Sign out this session',
      responses: { 204: noContent },
    }),
    async (c) => {
      const auth = c.get('auth');
      if (auth) await signOut(c.get('deps'), auth, c.get('requestContext'));
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
}
