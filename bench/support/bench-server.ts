import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { composeServer } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';

export const benchPassword = 'a calm lake at dawn';

/**
 * The real server on loopback, on a fresh SQLite database in a temporary folder. Loopback is a
 * trusted proxy, so a case can give each request its own client address in X-Forwarded-For and
 * measure the work, not the per-address rate limits.
 */
export async function startBenchServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'twostep-bench-'));
  // Only these variables: the operator's own TWOSTEP_DATABASE_URL must never receive bench users.
  const config = loadConfig({
    NODE_ENV: 'test',
    TWOSTEP_DATA_DIR: dataDir,
    TWOSTEP_LOG_LEVEL: 'silent',
    TWOSTEP_TRUSTED_PROXIES: '127.0.0.1',
  });
  const composed = await composeServer(config);
  const listener = serve({ fetch: composed.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => listener.once('listening', resolve));
  const { port } = listener.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deps: composed.deps,
    databaseKind: composed.databaseKind,
    close: async () => {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
      await composed.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type BenchServer = Awaited<ReturnType<typeof startBenchServer>>;
