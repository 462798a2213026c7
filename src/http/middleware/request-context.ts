import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { defaultLocale, isLocale, negotiateLocale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { HttpEnv } from '../env.js';

export const languageCookie = 'twostep_lang';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's address: the socket's peer, unless that peer is a configured reverse proxy, in which
 * case the right-most address the proxy appended to X-Forwarded-For. A client can put anything in
 * that header, so it is believed only from a proxy we know (SECURITY.md a9).
 */
export function clientIp(peer: string, forwardedFor: string | undefined, trustedProxies: string[]): string {
  if (!forwardedFor || !trustedProxies.includes(peer)) return peer;
  const hops = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!trustedProxies.includes(hop)) return /^[0-9a-fA-F:.]{2,45}$/.test(hop) ? hop : peer;
  }
  return peer;
}

/** Sets who is asking (IP, user agent) and in which language to answer. */
export function requestContext(): MiddlewareHandler<HttpEnv> {
  return async function requestContextMiddleware(c, next) {
    const peer = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? '127.0.0.1';
    const ip = clientIp(peer, c.req.header('x-forwarded-for'), c.get('http').trustedProxies);
    const chosen = getCookie(c, languageCookie);
    const locale = isLocale(chosen)
      ? chosen
      : (negotiateLocale(c.req.header('accept-language')) ?? defaultLocale);
    c.set('locale', locale);
    c.set('t', translator(locale));
    c.set('requestContext', { ip, userAgent: (c.req.header('user-agent') ?? '').slice(0, 512), locale });
    await next();
  };
}
