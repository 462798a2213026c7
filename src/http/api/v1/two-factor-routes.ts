import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { addMethod, resendSetupCode } from '../../../app/two-factor/add-method.js';
import { confirmMethod } from '../../../app/two-factor/confirm-method.js';
import { removeMethod, renameMethod, setPrimaryMethod } from '../../../app/two-factor/manage-methods.js';
import { regenerateRecoveryCodes } from '../../../app/two-factor/recovery-codes.js';
import { codeRules } from '../../../factors/sent-code/one-time-code.js';
import { qrSvg } from '../../../factors/totp/qr-svg.js';
import type { HttpEnv } from '../../env.js';
import { requireSignedIn } from '../../guards.js';
import { setSessionCookie } from '../../middleware/session.js';
import { jsonAnswer, jsonBody, noContent, problems, z } from './openapi-helpers.js';
import {
  AddMethod,
  answerText,
  CodeMethodEnrollment,
  CodeSent,
  Confirmed,
  ConfirmMethod,
  IdParam,
  RecoveryCodes,
  RemoveMethod,
  RenameMethod,
  SetPrimary,
  TotpEnrollment,
  WebauthnEnrollment,
} from './schemas.js';

/** The user's 2FA methods (docs/api.md "Two-factor methods"); every call needs sudo mode. */
export function twoFactorRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/methods',
      summary:
        'Start setting up a method (pending until confirmed); e-mail, SMS and voice get a code, a security key the options that register it',
      request: jsonBody(AddMethod),
      responses: {
        201: jsonAnswer(
          z.union([TotpEnrollment, CodeMethodEnrollment, WebauthnEnrollment]),
          'The authenticator key, shown this once; the method that was sent a code; or the options for a security key',
        ),
        ...problems(400, 401, 403, 409, 422, 429, 503),
      },
    }),
    async (c) => {
      const { type, ...input } = c.req.valid('json');
      const context = c.get('requestContext');
      const { reveal, ...method } = await addMethod(c.get('deps'), requireSignedIn(c), {
        type,
        input,
        context,
      });
      // A factor whose app scans a link (an authenticator) gets it drawn as a QR code too.
      const qr = reveal.otpauthUri ? { qrSvg: await qrSvg(reveal.otpauthUri, c.get('t')('app.name')) } : {};
      return c.json({ ...method, ...reveal, ...qr } as never, 201);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/methods/{id}/confirm',
      summary: 'Confirm a method with its first code; the first one turns 2FA on and returns recovery codes',
      request: { params: IdParam, ...jsonBody(ConfirmMethod) },
      responses: { 200: jsonAnswer(Confirmed, 'Confirmed'), ...problems(400, 401, 403, 404, 429) },
    }),
    async (c) => {
      const { token, ...confirmed } = await confirmMethod(c.get('deps'), requireSignedIn(c), {
        methodId: c.req.valid('param').id,
        code: answerText(c.req.valid('json').code),
        context: c.get('requestContext'),
      });
      setSessionCookie(c, token);
      return c.json(confirmed, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/methods/{id}/resend',
      summary: 'Send a new code to a pending e-mail, SMS or voice method; the previous code stops working',
      request: { params: IdParam },
      responses: { 202: jsonAnswer(CodeSent, 'Sent'), ...problems(401, 403, 404, 429, 503) },
    }),
    async (c) => {
      await resendSetupCode(c.get('deps'), requireSignedIn(c), {
        methodId: c.req.valid('param').id,
        context: c.get('requestContext'),
      });
      return c.json({ resendAfterSeconds: codeRules.resendCooldownMs / 1000 }, 202);
    },
  );

  api.openapi(
    createRoute({
      method: 'patch',
      path: '/me/methods/{id}',
      summary: 'Rename a method',
      request: { params: IdParam, ...jsonBody(RenameMethod) },
      responses: { 204: noContent, ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      await renameMethod(c.get('deps'), requireSignedIn(c), {
        methodId: c.req.valid('param').id,
        label: c.req.valid('json').label,
        context: c.get('requestContext'),
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/me/methods/{id}',
      summary: 'Remove a method; removing the last one turns 2FA off and needs a current code in the body',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: RemoveMethod } }, required: false },
      },
      responses: { 204: noContent, ...problems(400, 401, 403, 404, 429) },
    }),
    async (c) => {
      const body = c.req.valid('json') ?? {};
      await removeMethod(c.get('deps'), requireSignedIn(c), {
        methodId: c.req.valid('param').id,
        code: body.code,
        codeType: body.codeType ?? 'totp',
        context: c.get('requestContext'),
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'put',
      path: '/me/primary',
      summary: 'Choose the method sign-in asks for first',
      request: jsonBody(SetPrimary),
      responses: { 204: noContent, ...problems(400, 401, 403, 404) },
    }),
    async (c) => {
      await setPrimaryMethod(c.get('deps'), requireSignedIn(c), {
        methodId: c.req.valid('json').methodId,
        context: c.get('requestContext'),
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/recovery-codes',
      summary: 'Make ten new recovery codes; the old ones stop working',
      responses: {
        200: jsonAnswer(RecoveryCodes, 'The new codes, shown this once'),
        ...problems(401, 403, 409),
      },
    }),
    async (c) => {
      const codes = await regenerateRecoveryCodes(c.get('deps'), requireSignedIn(c), c.get('requestContext'));
      return c.json({ recoveryCodes: codes }, 200);
    },
  );
}
