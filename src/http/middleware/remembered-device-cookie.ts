import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { tokensOfOtherUsers } from '../../app/two-factor/remembered-devices.js';
import { joinRememberedTokens, parseRememberedTokens } from '../../core/sessions/remembered-device-tokens.js';
import type { HttpEnv } from '../env.js';

/** Named like the session cookie: `__Host-` over https, so no subdomain can set or shadow it. */
export const rememberedDeviceCookieName = (secure: boolean) =>
  secure ? '__Host-twostep_remember' : 'twostep_remember';

/** The well-formed tokens the browser sent; whose they are, only the store knows. */
export function rememberedDeviceTokens(c: Context<HttpEnv>): string[] {
  return parseRememberedTokens(getCookie(c, rememberedDeviceCookieName(c.get('http').secure)));
}

/**
 * Adds a new token to the browser's cookie. The user's own earlier token and dead ones are dropped;
 * other users' live tokens stay, so remembering one person never forgets another on a shared computer.
 */
export async function setRememberedDeviceCookie(
  c: Context<HttpEnv>,
  userId: string,
  remembered: { token: string; maxAgeSeconds: number },
): Promise<void> {
  const { secure } = c.get('http');
  const kept = await tokensOfOtherUsers(c.get('deps'), userId, rememberedDeviceTokens(c));
  setCookie(c, rememberedDeviceCookieName(secure), joinRememberedTokens(remembered.token, kept), {
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    path: '/',
    maxAge: remembered.maxAgeSeconds,
  });
}
