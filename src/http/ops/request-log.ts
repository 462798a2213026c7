import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/**
 * One JSON line per request. The path is logged without its query string, and no header or body:
 * reset links carry tokens in the query, and bodies carry passwords and codes.
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const start = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      },
      'request',
    );
  };
}
