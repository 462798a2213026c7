import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  confirmDestinationChange,
  sendDisableCode,
  startDestinationChange,
} from '../../../app/two-factor/change-destination.js';
import { codeRules } from '../../../factors/sent-code/one-time-code.js';
import type { HttpEnv } from '../../env.js';
import { requireSignedIn } from '../../guards.js';
import { jsonAnswer, jsonBody, noContent, problems, z } from './openapi-helpers.js';
import { Code, Email, IdParam, Phone, PhoneCountry } from './schemas.js';

const NewDestination = z
  .union([z.strictObject({ address: Email }), z.strictObject({ phone: Phone, country: PhoneCountry })])
  .openapi('NewDestination', {
    description: '`address` for an e-mail method; `phone` (and optionally `country`) for SMS or voice',
  });

const DestinationCodeSent = z
  .object({
    sentTo: z.string().openapi({ description: 'The new destination, masked', example: '+31 6 •••• 5678' }),
    resendAfterSeconds: z.number().int(),
  })
  .openapi('DestinationCodeSent');

const ConfirmChange = z.object({ code: Code }).openapi('ConfirmDestinationChange');

const sent = (sentTo: string) => ({ sentTo, resendAfterSeconds: codeRules.resendCooldownMs / 1000 });

/**
 * Changing the address or number of an e-mail, SMS or voice method (T-CODE-5), and the
 * code that proves such a method when turning 2FA off (T-SESSION-7). Every call needs sudo mode.
 */
export function destinationChangeRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'put',
      path: '/me/methods/{id}',
      summary:
        'Start moving an e-mail, SMS or voice method to a new address or number: a code goes there; nothing changes until it is confirmed',
      request: { params: IdParam, ...jsonBody(NewDestination) },
      responses: {
        202: jsonAnswer(DestinationCodeSent, 'A code was sent to the new destination'),
        ...problems(400, 401, 403, 404, 409, 429, 503),
      },
    }),
    async (c) => {
      const result = await startDestinationChange(c.get('deps'), requireSignedIn(c), {
        methodId: c.req.valid('param').id,
        ...c.req.valid('json'),
        context: c.get('requestContext'),
      });
      return c.json(sent(result.sentTo), 202);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/methods/{id}/destination/confirm',
      summary:
        'Confirm the new address or number with the code sent to it; the method switches, and the user is told',
      request: { params: IdParam, ...jsonBody(ConfirmChange) },
      responses: { 204: noContent, ...problems(400, 401, 403, 404, 429) },
    }),
    async (c) => {
      await confirmDestinationChange(c.get('deps'), requireSignedIn(c), {
        methodId: c.req.valid('param').id,
        code: c.req.valid('json').code,
        context: c.get('requestContext'),
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'post',
      path: '/me/methods/{id}/disable-code',
      summary:
        'Send a code to an e-mail, SMS or voice method to prove it when removing the last method (turning 2FA off): then DELETE with `code` and `codeType` of the method',
      request: { params: IdParam },
      responses: {
        202: jsonAnswer(DestinationCodeSent, 'Sent'),
        ...problems(401, 403, 404, 429, 503),
      },
    }),
    async (c) => {
      const result = await sendDisableCode(c.get('deps'), requireSignedIn(c), {
        methodId: c.req.valid('param').id,
        context: c.get('requestContext'),
      });
      return c.json(sent(result.sentTo), 202);
    },
  );
}
