import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TestServer, testServer } from '../../../test/support/test-server.js';
import { startCleanupJob } from './cleanup-job.js';

const day = 24 * 60 * 60_000;

describe('cleanup job', () => {
  let server: TestServer;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    server = await testServer();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await server.close();
  });

  const logger = () => ({ info: vi.fn(), error: vi.fn() });
  const daysAgo = (n: number) => new Date(server.clock.now().getTime() - n * day).toISOString();

  async function seed() {
    const { db } = server;
    await db
      .insertInto('users')
      .values({
        id: 'u1',
        email: 'ann@example.com',
        email_normalized: 'ann@example.com',
        password_hash: 'x',
        locale: null,
        created_at: daysAgo(60),
        disabled_at: null,
        staff_role: null,
      })
      .execute();
    const session = {
      user_id: 'u1',
      state: 'signed_in',
      user_agent: 'ua',
      ip: '203.0.113.1',
      sudo_until: null,
    };
    await db
      .insertInto('sessions')
      .values([
        // Ended long ago, and ended yesterday: only the first is past the grace period.
        {
          ...session,
          id: 'old',
          token_hash: 'h1',
          created_at: daysAgo(40),
          last_seen_at: daysAgo(39),
          expires_at: daysAgo(39),
        },
        {
          ...session,
          id: 'recent',
          token_hash: 'h2',
          created_at: daysAgo(2),
          last_seen_at: daysAgo(1),
          expires_at: daysAgo(1),
        },
      ])
      .execute();
    await db
      .insertInto('remembered_devices')
      .values({
        id: 'd1',
        user_id: 'u1',
        token_hash: 'd',
        device_name: 'Firefox on Linux',
        user_agent: 'ua',
        ip: '203.0.113.1',
        created_at: daysAgo(60),
        expires_at: daysAgo(30),
        last_used_at: null,
      })
      .execute();
    await db
      .insertInto('rate_limits')
      .values({ key: 'sign-in:old', window_start: daysAgo(20), count: 4 })
      .execute();
  }

  it('deletes what expired past the grace period, once across two nodes, and keeps the rest', async () => {
    await seed();
    const first = logger();
    const second = logger();
    const jobs = [startCleanupJob(server.deps, first), startCleanupJob(server.deps, second)];
    await vi.waitFor(async () => {
      const sessions = await server.db.selectFrom('sessions').select('id').execute();
      expect(sessions.map((s) => s.id)).toEqual(['recent']);
    });
    for (const job of jobs) await job.stop();
    expect(await server.db.selectFrom('remembered_devices').selectAll().execute()).toEqual([]);
    const counters = await server.db.selectFrom('rate_limits').select('key').execute();
    expect(counters.map((c) => c.key)).not.toContain('sign-in:old');
    // One node did the work and said what it deleted; the other found the interval taken.
    const reports = [...first.info.mock.calls, ...second.info.mock.calls];
    expect(reports).toHaveLength(1);
    expect(reports[0]?.[0]).toMatchObject({ deleted: { sessions: 1, rememberedDevices: 1, rateLimits: 1 } });
    expect(first.error).not.toHaveBeenCalled();
    expect(second.error).not.toHaveBeenCalled();
  });

  it('runs again in the next interval', async () => {
    const log = logger();
    const job = startCleanupJob(server.deps, log, 60_000);
    // The first run found nothing to delete; it has taken this interval's turn.
    await vi.waitFor(async () =>
      expect(await server.db.selectFrom('rate_limits').select('key').execute()).toHaveLength(1),
    );
    await job.stop();
    expect(log.info).not.toHaveBeenCalled();
    await seed();
    // A restarted node within the same interval finds the turn taken; the next interval's is free.
    const again = startCleanupJob(server.deps, log, 60_000);
    server.clock.advance(61_000);
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(log.info).toHaveBeenCalledTimes(1));
    await again.stop();
  });
});
