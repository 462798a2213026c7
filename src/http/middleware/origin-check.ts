import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from '../env.js';
import { problem } from '../problem.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request from a browser on another origin is refused (T-CSRF-1): the browser tells
 * us through `Origin` and `Sec-Fetch-Site`. A request with neither comes from a non-browser client,
 * which holds no ambient cookie to abuse. Forms also carry a CSRF token (see csrf.ts).
 */
export function originCheck(): MiddlewareHandler<HttpEnv> {
  return async function originCheckMiddleware(c, next) {
    if (!safeMethods.has(c.req.method)) {
      const ours = new URL(c.get('http').publicUrl).origin;
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      if ((origin !== undefined && origin !== ours) || site === 'cross-site' || site === 'same-site') {
        return problem(c, c.get('locale'), { code: 'cross_origin' });
      }
    }
    await next();
  };
}
