import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  forgetAllRememberedDevices,
  forgetRememberedDevice,
  listRememberedDevices,
} from '../../../app/two-factor/remembered-devices.js';
import { hashToken } from '../../../core/sessions/session-token.js';
import type { HttpEnv } from '../../env.js';
import { requireSignedIn } from '../../guards.js';
import { rememberedDeviceTokens } from '../../middleware/remembered-device-cookie.js';
import { jsonAnswer, noContent, problems } from './openapi-helpers.js';
import { IdParam } from './schemas.js';

const RememberedDeviceInfo = z
  .object({
    id: z.string(),
    deviceName: z.string().openapi({ example: 'Firefox on Windows' }),
    current: z.boolean().openapi({ description: 'This is the browser making the request' }),
    createdAt: z.string(),
    expiresAt: z.string(),
    lastUsedAt: z.string().nullable(),
    userAgent: z.string(),
    ip: z.string(),
  })
  .openapi('RememberedDevice');

/** "Don't ask again on this device": the browsers that skip the second factor, and forgetting them. */
export function rememberedDeviceRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/me/remembered-devices',
      summary: 'Browsers that skip the second factor at sign-in (never the password)',
      responses: {
        200: jsonAnswer(z.array(RememberedDeviceInfo), 'Unexpired devices, most recent first'),
        ...problems(401),
      },
    }),
    async (c) => {
      const auth = requireSignedIn(c);
      const mine = new Set(rememberedDeviceTokens(c).map(hashToken));
      const devices = await listRememberedDevices(c.get('deps'), auth);
      return c.json(
        devices.map((d) => ({
          id: d.id,
          deviceName: d.deviceName,
          current: mine.has(d.tokenHash),
          createdAt: d.createdAt.toISOString(),
          expiresAt: d.expiresAt.toISOString(),
          lastUsedAt: d.lastUsedAt?.toISOString() ?? null,
          userAgent: d.userAgent,
          ip: d.ip,
        })),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/me/remembered-devices/{id}',
      summary: 'Forget one device: its next sign-in asks for the second factor again',
      request: { params: IdParam },
      responses: { 204: noContent, ...problems(401, 404) },
    }),
    async (c) => {
      await forgetRememberedDevice(c.get('deps'), requireSignedIn(c), {
        id: c.req.valid('param').id,
        context: c.get('requestContext'),
      });
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: 'delete',
      path: '/me/remembered-devices',
      summary: 'Forget every remembered device of the user',
      responses: { 204: noContent, ...problems(401) },
    }),
    async (c) => {
      await forgetAllRememberedDevices(c.get('deps'), requireSignedIn(c), c.get('requestContext'));
      return c.body(null, 204);
    },
  );
}
