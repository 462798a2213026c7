import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/**
 * One JSON line per request, naming the route pattern (`/two-factor-reset/cancel/:token`), never
 * the path: links carry tokens in the path and in the query. No header or body either: bodies carry
 * passwords and codes. A request no route answers is logged by the pattern that caught it (`/*`).
 */
export function requestLog(logger: Logger): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const start = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      },
      'request',
    );
  };
}
