import type { Logger } from '../../ports/logger.js';
import type { AppDeps } from '../deps.js';
import type { IntervalJob } from '../interval-job.js';
import { sendDueReminders } from './send-reminders.js';

const dayMs = 24 * 60 * 60_000;

/**
 * The next moment a reminder falls due, after `now`: for every deadline still ahead, each of
 * TWOSTEP_REMINDER_DAYS before it. Null when none is ahead.
 */
export async function nextReminderAt(
  deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>,
): Promise<Date | null> {
  const now = deps.clock.now().getTime();
  let next: number | null = null;
  for (const policy of await deps.store.policies.listWithDeadlineAfter(new Date(now))) {
    if (!policy.requiredFrom) continue;
    for (const days of deps.settings.reminderDays) {
      const at = policy.requiredFrom.getTime() - days * dayMs;
      if (at > now && (next === null || at < next)) next = at;
    }
  }
  return next === null ? null : new Date(next);
}

/** How long to sleep: until the next reminder is due, or `intervalMs` (a policy may change meanwhile). */
export async function delayUntilNextRun(
  deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>,
  intervalMs: number,
): Promise<number> {
  const next = await nextReminderAt(deps);
  if (next === null) return intervalMs;
  return Math.min(intervalMs, Math.max(0, next.getTime() - deps.clock.now().getTime()));
}

/**
 * Sends the reminders that are due at once, then sleeps until the next one falls due, or an hour
 * (`intervalMs`) at most, so a policy set meanwhile is seen: a reminder goes out at its moment, not
 * at the next hourly tick. A failure is logged and retried at the next wake-up, since a claim is
 * only taken when its mail is about to go. The timer never keeps the process alive.
 */
export function startReminderJob(deps: AppDeps, logger: Logger, intervalMs = 60 * 60_000): IntervalJob {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const run = async () => {
    try {
      const sent = await sendDueReminders(deps);
      if (sent > 0) logger.info({ sent }, '2FA reminders sent');
    } catch (error) {
      const { name, message } = error as Error;
      logger.error({ err: { name, message } }, '2FA reminders failed');
    }
    const delay = await delayUntilNextRun(deps, intervalMs).catch(() => intervalMs);
    if (stopped) return;
    // A second's slack: the timer must not wake a hair before the moment and find nothing due.
    timer = setTimeout(tick, delay + 1000);
    timer.unref();
  };
  const tick = () => {
    running = run();
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
