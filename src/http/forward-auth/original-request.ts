import type { Context } from 'hono';
import type { HttpEnv } from '../env.js';
import { isTrustedProxy, plainAddress } from '../middleware/request-context.js';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The page a proxy asks about: the address as the browser used it, and its parts for the rules. */
export interface OriginalRequest {
  url: string;
  host: string;
  path: string;
}

/**
 * What the browser asked the proxy for: `X-Original-URL` (nginx), or `X-Forwarded-Proto`, `-Host`
 * and `-Uri` (Traefik, Caddy). Anyone can send these headers, so they are read only from a
 * configured trusted proxy; from any other peer the page is unknown, and unknown matches no rule.
 */
export function originalRequest(c: Context<HttpEnv>): OriginalRequest | null {
  const peer = plainAddress(
    (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? '127.0.0.1',
  );
  if (!isTrustedProxy(peer, c.get('http').trustedProxies)) return null;
  const original = c.req.header('x-original-url');
  if (original) return parsed(original);
  const proto = c.req.header('x-forwarded-proto');
  const host = c.req.header('x-forwarded-host');
  const uri = c.req.header('x-forwarded-uri') ?? '/';
  if (!proto || !host || !/^https?$/.test(proto) || !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host)) return null;
  return uri.startsWith('/') ? parsed(`${proto}://${host}${uri}`) : null;
}

const absolute = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?=\/|$)/;

/** The host as URL parsing reads it, and the path as the browser sent it (the rules resolve it). */
function parsed(value: string): OriginalRequest | null {
  const origin = absolute.exec(value)?.[0];
  if (!origin || value.length > 4096) return null;
  try {
    return { url: value, host: new URL(value).hostname, path: value.slice(origin.length) || '/' };
  } catch {
    return null;
  }
}
