import type { Hono } from 'hono';
import type { Registry } from 'prom-client';
import type { HttpEnv } from '../env.js';

export function healthRoutes(app: Hono<HttpEnv>, registry: Registry): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await c.get('deps').store.ping();
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'store unavailable' }, 503);
    }
  });
  app.get('/metrics', async (c) =>
    c.text(await registry.metrics(), 200, { 'content-type': registry.contentType }),
  );
}
