import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HttpEnv } from '../env.js';
import { problem } from '../problem.js';

/**
 * Refuses bodies over `maxBytes` with 413 before anything parses them. Hono's `bodyLimit` reads
 * `request.body` to find out whether there is one, and on @hono/node-server that getter builds a
 * web ReadableStream over the socket (a seventh of a second-factor request's time in the
 * profile) even when `Content-Length` already answers the question. So the declared length is
 * checked here first, and only a body without one (chunked) goes through `bodyLimit`, which
 * counts the bytes as they arrive.
 */
export function bodySizeLimit(maxBytes: number): MiddlewareHandler<HttpEnv> {
  const tooLarge = (c: Context<HttpEnv>) =>
    problem(c, c.get('locale'), { code: 'payload_too_large', status: 413 });
  const counting = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function bodySizeLimitMiddleware(c, next) {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > maxBytes ? tooLarge(c) : next();
    }
    return counting(c, next);
  };
}
