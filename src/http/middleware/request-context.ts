import { BlockList, isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import { defaultLocale, isLocale, negotiateLocale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { HttpEnv } from '../env.js';

export const languageCookie = 'twostep_lang';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** A dual-stack socket shows an IPv4 client as `::ffff:a.b.c.d`; one client has one spelling. */
export function plainAddress(ip: string): string {
  return /^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(ip) ? ip.slice(7) : ip;
}

const proxyLists = new WeakMap<readonly string[], BlockList>();

/** The configured proxies (addresses or CIDR ranges, checked at start) as one list, built once. */
function proxyList(entries: readonly string[]): BlockList {
  let list = proxyLists.get(entries);
  if (!list) {
    list = new BlockList();
    for (const entry of entries) {
      const [address = '', prefix] = entry.split('/');
      const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
    proxyLists.set(entries, list);
  }
  return list;
}

/** True when `ip` is one of the proxies; an IPv4-mapped IPv6 address matches its IPv4 entry. */
export function isTrustedProxy(ip: string, trustedProxies: readonly string[]): boolean {
  const plain = plainAddress(ip);
  const family = isIP(plain);
  if (family === 0 || trustedProxies.length === 0) return false;
  return proxyList(trustedProxies).check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket's peer, unless that peer is a configured reverse proxy, in which
 * case the right-most address the proxies appended to X-Forwarded-For. A client can put anything in
 * that header, so it is believed only from a proxy we know.
 */
export function clientIp(
  peer: string,
  forwardedFor: string | undefined,
  trustedProxies: readonly string[],
): string {
  const direct = plainAddress(peer);
  if (!forwardedFor || !isTrustedProxy(direct, trustedProxies)) return direct;
  const hops = forwardedFor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i]!);
    if (!isTrustedProxy(hop, trustedProxies)) return isIP(hop) ? hop : direct;
  }
  return direct;
}

/**
 * Warns once per peer that sends X-Forwarded-For without being a trusted proxy: usually a proxy
 * missing from TWOSTEP_TRUSTED_PROXIES, which makes all its users share one address and one set of
 * limits. Bounded, so a flood of spoofing clients cannot grow memory or the log.
 */
function untrustedForwardWarning(logger: Logger | undefined) {
  const warned = new Set<string>();
  return (peer: string) => {
    if (!logger || warned.has(peer) || warned.size >= 1000) return;
    warned.add(peer);
    logger.warn(
      { peer },
      'X-Forwarded-For ignored: the peer is not in TWOSTEP_TRUSTED_PROXIES (logged once per peer)',
    );
  };
}

/** Sets who is asking (IP, user agent) and in which language to answer. */
export function requestContext(logger?: Logger): MiddlewareHandler<HttpEnv> {
  const warnUntrusted = untrustedForwardWarning(logger);
  return async function requestContextMiddleware(c, next) {
    const peer = plainAddress(
      (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? '127.0.0.1',
    );
    const forwardedFor = c.req.header('x-forwarded-for');
    const { trustedProxies } = c.get('http');
    if (forwardedFor && !isTrustedProxy(peer, trustedProxies)) warnUntrusted(peer);
    const ip = clientIp(peer, forwardedFor, trustedProxies);
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
