import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startReminderJob } from '../../src/app/policy/reminder-job.js';
import { sendDueReminders } from '../../src/app/policy/send-reminders.js';
import { outbox } from '../support/code-methods.js';
import { freshDatabase, storeKinds, type TestDatabase } from '../support/databases.js';
import { putPolicy } from '../support/policy.js';
import { seedUser } from '../support/seed-user.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { userWithTotp } from '../support/two-factor.js';

const kinds = await storeKinds();

/** Two server processes' worth of app on one database, as two replicas behind a load balancer. */
async function twoInstances(kind: 'sqlite' | 'postgres') {
  const shared: TestDatabase | null = kind === 'postgres' ? await freshDatabase('postgres') : null;
  const databaseUrl =
    shared?.url ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'twostep-reminders-')), 'shared.db')}`;
  // Replicas share the master key: either one's worker may send the other's queued (sealed) mail.
  const env = { TWOSTEP_SECRET_KEY: 'ab'.repeat(32) };
  const first = await testServer({ kind: 'sqlite', databaseUrl, env });
  const second = await testServer({ kind: 'sqlite', databaseUrl, env });
  return {
    first,
    second,
    setClocks: (at: string) => {
      first.clock.set(at);
      second.clock.set(at);
    },
    close: async () => {
      await first.close();
      await second.close();
      await shared?.drop();
    },
  };
}

const reminders = async (server: TestServer) =>
  (await outbox(server)).filter(
    (m) => m.subject?.includes('will be required') || m.subject?.includes('wordt verplicht'),
  );

describe.each(kinds)('2FA reminders with two instances on one %s database', (kind) => {
  let pair: Awaited<ReturnType<typeof twoInstances>>;
  afterEach(() => pair?.close());

  it('sends each reminder once per user and deadline, only to users without 2FA', async () => {
    pair = await twoInstances(kind);
    const { first, second } = pair;
    const ann = await seedUser(first, 'ann@example.com');
    await first.deps.store.users.setLocale(ann.id, 'nl');
    await seedUser(first, 'cem@example.com');
    await userWithTotp(first, 'bob@example.com');
    // 1 December 2026 00:00 in Amsterdam; the clocks stand at 23 November, 09:00 UTC.
    await putPolicy(first);
    // Each round's mail is sent before the clocks jump ahead: a message still being sent when a
    // day passes in an instant would look abandoned to the other instance's worker.
    const both = async () => {
      const counts = await Promise.all([sendDueReminders(first.deps), sendDueReminders(second.deps)]);
      await Promise.all([first.delivery.kick(), second.delivery.kick()]);
      return counts;
    };

    expect((await both()).reduce((a, b) => a + b)).toBe(2); // the 30-day reminder, to Ann and Cem
    expect((await both()).reduce((a, b) => a + b)).toBe(0);
    pair.setClocks('2026-11-24T00:00:00Z'); // less than 7 days left
    expect((await both()).reduce((a, b) => a + b)).toBe(2);
    expect((await both()).reduce((a, b) => a + b)).toBe(0);
    pair.setClocks('2026-11-30T12:00:00Z'); // less than a day left
    expect((await both()).reduce((a, b) => a + b)).toBe(2);
    pair.setClocks('2026-12-01T12:00:00Z'); // past the deadline: set-up is forced, no more mail
    expect((await both()).reduce((a, b) => a + b)).toBe(0);

    const sent = await reminders(first);
    expect(sent.filter((m) => m.to === 'bob@example.com')).toEqual([]);
    const toAnn = sent.filter((m) => m.to === 'ann@example.com');
    expect(toAnn).toHaveLength(3);
    expect(
      toAnn.every(
        (m) =>
          m.subject ===
          'Tweestapsverificatie wordt verplicht vanaf 1 december 2026 om 00:00 (Europe/Amsterdam)',
      ),
    ).toBe(true);
    expect(toAnn.map((m) => m.text.match(/nog (\d+) dag/)?.[1])).toEqual(['1', '7', '8']);
    expect(sent.filter((m) => m.to === 'cem@example.com')).toHaveLength(3);
  });

  it('sends a new round when the deadline moves', async () => {
    pair = await twoInstances(kind);
    const { first, second } = pair;
    await seedUser(first, 'ann@example.com');
    await putPolicy(first);
    expect(await sendDueReminders(first.deps)).toBe(1);
    await putPolicy(first, { requiredFrom: '2026-12-15T09:00' });
    expect(await sendDueReminders(second.deps)).toBe(1);
    expect(await sendDueReminders(first.deps)).toBe(0);
  });
});

describe('the reminder job that serve runs', () => {
  it('sends at once, then on every tick, never twice, and stops cleanly', async () => {
    const server = await testServer();
    try {
      await seedUser(server, 'ann@example.com');
      await putPolicy(server);
      const job = startReminderJob(server.deps, pino({ level: 'silent' }), 20);
      await expect.poll(async () => (await reminders(server)).length).toBe(1);
      server.clock.set('2026-11-24T00:00:00Z');
      await expect.poll(async () => (await reminders(server)).length).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await reminders(server)).toHaveLength(2);
      await job.stop();
      server.clock.set('2026-11-30T12:00:00Z');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await reminders(server)).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});
