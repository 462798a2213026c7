import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { sendSignInCode } from '../../../app/two-factor/send-sign-in-code.js';
import { verifySecondFactor } from '../../../app/two-factor/verify-second-factor.js';
import { DomainError } from '../../../core/errors.js';
import { codeRules } from '../../../factors/sent-code/one-time-code.js';
import type { HttpEnv } from '../../env.js';
import { requirePendingSecondFactor } from '../../guards.js';
import { setRememberedDeviceCookie } from '../../middleware/remembered-device-cookie.js';
import { setSessionCookie } from '../../middleware/session.js';
import { jsonAnswer, jsonBody, problems, z } from './openapi-helpers.js';
import { answerText, CodeSent, SecondFactor, SendCode, WebauthnChallenge } from './schemas.js';

export function secondFactorRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/session/second-factor',
      summary: 'Finish signing in with a code from the primary method, another method, or a recovery code',
      request: jsonBody(SecondFactor),
      responses: {
        200: jsonAnswer(z.object({ state: z.literal('signed_in') }), 'Signed in'),
        ...problems(400, 401, 429),
      },
    }),
    async (c) => {
      const pending = requirePendingSecondFactor(c);
      const { type, code, methodId, rememberDevice } = c.req.valid('json');
      const outcome = await verifySecondFactor(c.get('deps'), pending, {
        type,
        code: answerText(code),
        methodId,
        context: c.get('requestContext'),
        rememberDevice,
      });
      // The one that ends the pending sign-in answers the same: the next call is simply 401.
      if (!outcome.ok) throw new DomainError(outcome.locked ? 'second_factor_locked' : 'wrong_code');
      const { token, rememberedDevice } = outcome;
      setSessionCookie(c, token);
      if (rememberedDevice) await setRememberedDeviceCookie(c, pending.user.id, rememberedDevice);
      return c.json({ state: 'signed_in' as const }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/session/second-factor/send',
      summary:
        'Send a sign-in code to an e-mail, SMS or voice method of the signing-in user; for a security key, get the options to sign with it',
      request: jsonBody(SendCode),
      responses: {
        200: jsonAnswer(
          WebauthnChallenge,
          'For a security key: pass `options` to navigator.credentials.get(), then send the answer as `code` to POST /session/second-factor with type `webauthn`',
        ),
        202: jsonAnswer(CodeSent, 'Sent'),
        ...problems(400, 401, 404, 429, 503),
      },
    }),
    async (c) => {
      const started = await sendSignInCode(c.get('deps'), requirePendingSecondFactor(c), {
        methodId: c.req.valid('json').methodId,
        context: c.get('requestContext'),
      });
      if (started) return c.json({ options: started.options }, 200);
      return c.json({ resendAfterSeconds: codeRules.resendCooldownMs / 1000 }, 202);
    },
  );
}
