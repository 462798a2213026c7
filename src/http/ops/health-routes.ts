import type { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { checkReadiness } from '../../app/ops/readiness.js';
import type { HttpEnv } from '../env.js';
import { bearerMatches, exposition } from './metrics.js';

/**
 * Liveness, readiness and, with a token, metrics. Metrics name routes and show traffic, so on the
 * public port they are only for whoever holds the token; to anyone else they do not exist.
 */
export function healthRoutes(app: Hono<HttpEnv>, registry: Registry, metricsToken: string | null): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const { storeReachable } = await checkReadiness(c.get('deps'));
    if (!storeReachable) return c.json({ status: 'store unavailable' }, 503);
    return c.json({ status: 'ready' });
  });
  if (metricsToken === null) return;
  app.get('/metrics', async (c, next) => {
    if (!bearerMatches(c.req.header('authorization'), metricsToken)) return next();
    return exposition(registry);
  });
}
