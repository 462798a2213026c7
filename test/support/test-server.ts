import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { composeServer, createLogger } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import type { PasswordHasher } from '../../src/ports/password-hasher.js';
import { freshDatabase } from './databases.js';
import { manualClock } from './manual-clock.js';

export const origin = 'http://localhost:3000';

export type TestServer = Awaited<ReturnType<typeof testServer>>;

/**
 * A whole server in process, on a fresh database (SQLite by default, or PostgreSQL), with a clock the
 * test moves and every log line kept for inspection.
 */
export async function testServer(
  options: {
    kind?: 'sqlite' | 'postgres';
    env?: Record<string, string>;
    databaseUrl?: string;
    /** Off: answers come back while their messages are still being sent, as in production. */
    deliverBeforeAnswering?: boolean;
    /** Another password hasher, e.g. argon2 with cheaper parameters. */
    hasher?: PasswordHasher;
  } = {},
) {
  const database = await freshDatabase(options.kind ?? 'sqlite');
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const clock = manualClock('2026-11-23T09:00:00Z');
  // Tests read the codes they send from the outbox, unless they configure a real transport.
  const realTransport =
    options.env?.TWOSTEP_SMTP_URL || !['outbox', undefined].includes(options.env?.TWOSTEP_SMS_PROVIDER);
  const config = loadConfig({
    NODE_ENV: 'test',
    TWOSTEP_DATA_DIR: mkdtempSync(join(tmpdir(), 'twostep-test-')),
    TWOSTEP_PUBLIC_URL: origin,
    TWOSTEP_LOG_LEVEL: 'info',
    ...(realTransport ? {} : { TWOSTEP_DEV_OUTBOX: '1' }),
    // The floor under sign-up and reset answers is tested where timing is the subject
    // (test/attacks/account-existence-timing.test.ts); elsewhere it would only slow the suite.
    TWOSTEP_EVEN_ANSWERS: 'off',
    ...options.env,
  });
  // In-memory SQLite lives per connection: compose opens its own and migrates it.
  config.databaseUrl = options.databaseUrl ?? (database.kind === 'sqlite' ? 'sqlite::memory:' : database.url);
  const server = await composeServer(config, {
    clock,
    logger: createLogger('info', sink),
    ...(options.hasher ? { hasher: options.hasher } : {}),
  });
  if (options.deliverBeforeAnswering !== false) deliverBeforeAnswering(server);
  return {
    ...server,
    clock,
    logLines,
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}

/**
 * Messages are queued and sent after the answer. Tests read them right after a request, so here
 * each answer waits until the queue has been worked through: what was due has been sent (or failed).
 */
function deliverBeforeAnswering(server: Awaited<ReturnType<typeof composeServer>>): void {
  const { app, delivery } = server;
  const fetch = app.fetch;
  // Hono's `request` goes through `fetch`: in-process clients and listening servers alike.
  app.fetch = async (...args) => {
    // Before too: a test may have queued messages by calling a use case or a job directly.
    await delivery.kick();
    const response = await fetch(...args);
    await delivery.kick();
    return response;
  };
}
