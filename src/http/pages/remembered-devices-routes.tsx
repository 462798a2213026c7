import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../app/sessions/authenticate.js';
import {
  forgetAllRememberedDevices,
  forgetRememberedDevice,
  listRememberedDevices,
} from '../../app/two-factor/remembered-devices.js';
import { isDomainError } from '../../core/errors.js';
import type { RememberedDevice } from '../../core/sessions/remembered-device.js';
import { hashToken } from '../../core/sessions/session-token.js';
import type { HttpEnv } from '../env.js';
import { validCsrf } from '../middleware/csrf.js';
import { rememberedDeviceTokens } from '../middleware/remembered-device-cookie.js';
import { readForm } from './form-body.js';
import { csrfRefused } from './message-page.js';
import { signedIn, toSignIn } from './page-context.js';

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
async function forgetting(c: Context<HttpEnv>, work: (auth: Authenticated) => Promise<string>) {
  const form = await readForm(c);
  if (!validCsrf(c, form._csrf)) return csrfRefused(c, '/security');
  const auth = signedIn(c);
  if (auth?.session.state !== 'signed_in') return toSignIn(c, '/security');
  try {
    return c.redirect(await work(auth), 303);
  } catch (error) {
    if (isDomainError(error, 'not_found'))
      return c.redirect('/security?notice=device-already-forgotten', 303);
    throw error;
  }
}

export function rememberedDeviceRoutes(app: Hono<HttpEnv>): void {
  app.post('/security/remembered-devices/forget-all', (c) =>
    forgetting(c, async (auth) => {
      await forgetAllRememberedDevices(c.get('deps'), auth, c.get('requestContext'));
      return '/security?notice=devices-forgotten';
    }),
  );

  app.post('/security/remembered-devices/:id/forget', (c) =>
    forgetting(c, async (auth) => {
      const id = c.req.param('id').slice(0, 128);
      await forgetRememberedDevice(c.get('deps'), auth, { id, context: c.get('requestContext') });
      return '/security?notice=device-forgotten';
    }),
  );
}
