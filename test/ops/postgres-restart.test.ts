import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ThrowawayPostgres, throwawayPostgres } from './throwaway-postgres.js';

const root = join(import.meta.dirname, '..', '..');

/** Starts `twostep serve` on `databaseUrl`; resolves with its port once it listens. */
function serve(databaseUrl: string, dataDir: string): { child: ChildProcess; port: Promise<number> } {
  const child = spawn(process.execPath, [join(root, 'bin', 'twostep.js'), 'serve'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: '0',
      TWOSTEP_DATA_DIR: dataDir,
      TWOSTEP_DATABASE_URL: databaseUrl,
      TWOSTEP_DEV_OUTBOX: '1',
      TWOSTEP_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { port?: unknown };
      if (typeof entry.port === 'number') resolve(entry.port);
    });
  });
  return { child, port };
}

/**
 * A request that reads the database: a session cookie nobody holds is looked up and refused.
 * While the database is away it must be a 503 with Retry-After, never a 500 or a dead process.
 */
async function lookUpSession(base: string) {
  const response = await fetch(`${base}/api/v1/me`, { headers: { cookie: 'twostep_session=unknown-token' } });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    type: response.headers.get('content-type'),
    body: await response.text(),
  };
}

async function until<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not within ${seconds} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a PostgreSQL restart under load', () => {
  let postgres: ThrowawayPostgres;
  let dataDir: string;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    postgres = await throwawayPostgres();
    dataDir = mkdtempSync(join(tmpdir(), 'twostep-restart-'));
  }, 120_000);
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    postgres?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After while the database is away, and serves again by itself', async () => {
    const server = serve(postgres.url, dataDir);
    child = server.child;
    const base = `http://127.0.0.1:${await server.port}`;
    expect((await lookUpSession(base)).status).toBe(401);

    // A little load all along: four clients that keep asking, whatever the answers.
    let loading = true;
    const statuses: number[] = [];
    const load = Array.from({ length: 4 }, async () => {
      while (loading) statuses.push((await lookUpSession(base).catch(() => ({ status: 0 }))).status);
    });

    await new Promise((resolve) => setTimeout(resolve, 300));
    postgres.stop();
    const away = await until('a 503 while PostgreSQL is down', 10, async () => {
      const answer = await lookUpSession(base);
      return answer.status === 503 ? answer : undefined;
    });
    expect(away.retryAfter).toMatch(/^\d+$/);
    expect(away.type).toBe('application/problem+json');
    expect(JSON.parse(away.body)).toMatchObject({ status: 503, code: 'store_unavailable' });
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    postgres.start();
    await until('serving again after PostgreSQL is back', 10, async () =>
      (await lookUpSession(base)).status === 401 ? true : undefined,
    );
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    loading = false;
    await Promise.all(load);

    expect(child.exitCode).toBeNull();
    // Every answer was one a client can act on: served, refused, or "try again later".
    expect(new Set(statuses)).toEqual(new Set([401, 503]));
  }, 120_000);
});
