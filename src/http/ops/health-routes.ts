import type { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { checkReadiness } from '../../app/ops/readiness.js';
import type { HttpEnv } from '../env.js';

export function healthRoutes(app: Hono<HttpEnv>, registry: Registry): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const { storeReachable } = await checkReadiness(c.get('deps'));
    if (!storeReachable) return c.json({ status: 'store unavailable' }, 503);
    return c.json({ status: 'ready' });
  });
  app.get('/metrics', async (c) =>
    c.text(await registry.metrics(), 200, { 'content-type': registry.contentType }),
  );
}
