import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadlineInstant, putPolicy } from '../../../test/support/policy.js';
import { type TestServer, testServer } from '../../../test/support/test-server.js';
import { delayUntilNextRun, nextReminderAt } from './reminder-job.js';

const hour = 3_600_000;
const day = 24 * hour;

describe('when the reminder job wakes up', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('sleeps the full interval when no deadline is ahead', async () => {
    expect(await nextReminderAt(server.deps)).toBeNull();
    expect(await delayUntilNextRun(server.deps, hour)).toBe(hour);
  });

  it('wakes at the moment the next reminder falls due, not at the next hourly tick', async () => {
    await putPolicy(server);
    const deadline = new Date(deadlineInstant).getTime();
    const days = [...server.deps.settings.reminderDays].sort((a, b) => a - b);
    const nearest = days[0]!;
    // Ten minutes before the nearest reminder's moment.
    server.clock.set(new Date(deadline - nearest * day - 10 * 60_000).toISOString());
    expect((await nextReminderAt(server.deps))?.getTime()).toBe(deadline - nearest * day);
    expect(await delayUntilNextRun(server.deps, hour)).toBe(10 * 60_000);
    // Right after it, the next one is the deadline's own: nothing until the hour.
    server.clock.set(new Date(deadline - nearest * day + 1).toISOString());
    expect(await delayUntilNextRun(server.deps, hour)).toBe(hour);
  });
});
