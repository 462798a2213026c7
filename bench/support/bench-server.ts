import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { composeServer } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';

export const benchPassword = 'a calm lake at dawn';
/** The site behind the proxy in the forward-auth case: any signed-in user may pass. */
export const benchSite = 'panel.bench.localhost';

/**
 * The real server on loopback, on a fresh SQLite database in a temporary folder. Loopback is a
 * trusted proxy, so a case can give each request its own client address in X-Forwarded-For and
 * measure the work, not the per-address rate limits.
 */
export async function startBenchServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'twostep-bench-'));
  const forwardAuthRules = join(dataDir, 'forward-auth-rules.json');
  writeFileSync(
    forwardAuthRules,
    JSON.stringify({ rules: [{ host: benchSite, allow: { anySignedIn: true } }] }),
  );
  // Only these variables: the operator's own TWOSTEP_DATABASE_URL must never receive bench users.
  const config = loadConfig({
    NODE_ENV: 'test',
    TWOSTEP_DATA_DIR: dataDir,
    TWOSTEP_LOG_LEVEL: 'silent',
    TWOSTEP_TRUSTED_PROXIES: '127.0.0.1',
    TWOSTEP_FORWARD_AUTH_DOMAINS: benchSite,
    TWOSTEP_FORWARD_AUTH_RULES: forwardAuthRules,
  });
  const composed = await composeServer(config);
  const served = servedRequests();
  const listener = serve({
    fetch: (request, env) => served.around(() => composed.app.fetch(request, env)),
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve) => listener.once('listening', resolve));
  const { port } = listener.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps: composed.deps,
    databaseKind: composed.databaseKind,
    served,
    close: async () => {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
      await composed.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BenchServer = Awaited<ReturnType<typeof startBenchServer>>;

/**
 * When the server took the first request of a measurement and finished the last one. autocannon
 * stops a fixed-amount run only at its next one-second tick, so its own duration rounds a 1.6 s
 * run up to 2 s; a case that sends a fixed number of requests divides by this window instead.
 */
function servedRequests() {
  let firstStart = 0;
  let lastEnd = 0;
  let count = 0;
  return {
    async around(handle: () => Response | Promise<Response>): Promise<Response> {
      const start = performance.now();
      if (count++ === 0) firstStart = start;
      try {
        return await handle();
      } finally {
        lastEnd = performance.now();
      }
    },
    /** Starts a new window; `read()` then tells how many requests it held and how long it was. */
    reset() {
      count = 0;
      firstStart = lastEnd = 0;
    },
    read: () => ({ count, seconds: (lastEnd - firstStart) / 1000 }),
  };
}
