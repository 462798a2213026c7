import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import {
  forgetAllRememberedDevices,
  forgetRememberedDevice,
  listRememberedDevices,
} from '../../../app/two-factor/remembered-devices.js';
import type { RememberedDevice } from '../../../core/sessions/remembered-device.js';
import { hashToken } from '../../../core/sessions/session-token.js';
import type { HttpEnv } from '../../env.js';
import { rememberedDeviceTokens } from '../../middleware/remembered-device-cookie.js';
import { type FormRequest, type FormRoute, formRoute } from '../shared/form-kit.js';

/** The user's remembered devices, and which of them is the browser asking. */
export async function rememberedDevicesFor(
  c: Context<HttpEnv>,
  auth: Authenticated,
): Promise<{ devices: RememberedDevice[]; currentIds: string[] }> {
  const devices = await listRememberedDevices(c.get('deps'), auth);
  const held = new Set(rememberedDeviceTokens(c).map(hashToken));
  return { devices, currentIds: devices.filter((d) => held.has(d.tokenHash)).map((d) => d.id) };
}

/**
 * Forgetting needs no sudo, unlike signing a device out: it only takes trust away, so the worst a
 * borrowed session can do with it is make the owner type a code at the next sign-in.
 */
const forgetting = (work: (request: FormRequest<'fullySignedIn'>) => Promise<string>) =>
  ({
    guard: 'fullySignedIn',
    back: () => '/security',
    handle: async (request) => request.c.redirect(await work(request), 303),
    on: { not_found: ({ c }) => c.redirect('/security?notice=device-already-forgotten', 303) },
  }) satisfies FormRoute<'fullySignedIn'>;

export function rememberedDeviceRoutes(app: Hono<HttpEnv>): void {
  formRoute(
    app,
    '/security/remembered-devices/forget-all',
    forgetting(async ({ c, auth }) => {
      await forgetAllRememberedDevices(c.get('deps'), auth, c.get('requestContext'));
      return '/security?notice=devices-forgotten';
    }),
  );

  formRoute(
    app,
    '/security/remembered-devices/:id/forget',
    forgetting(async ({ c, auth }) => {
      const id = (c.req.param('id') ?? '').slice(0, 128);
      await forgetRememberedDevice(c.get('deps'), auth, { id, context: c.get('requestContext') });
      return '/security?notice=device-forgotten';
    }),
  );
}
