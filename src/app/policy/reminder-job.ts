import type { Logger } from 'pino';
import type { AppDeps } from '../deps.js';
import { sendDueReminders } from './send-reminders.js';

export interface ReminderJob {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `sendDueReminders` every `intervalMs` (hourly by default; the days are what matter). The
 * timer is unref'd so it never keeps the process alive; runs never overlap; a failure is logged
 * and the next run tries again, since a claim is only taken when its mail is about to go.
 */
export function startReminderJob(deps: AppDeps, logger: Logger, intervalMs = 60 * 60_000): ReminderJob {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = sendDueReminders(deps)
      .then((sent) => {
        if (sent > 0) logger.info({ sent }, '2FA reminders sent');
      })
      .catch((error: Error) =>
        logger.error({ err: { name: error.name, message: error.message } }, '2FA reminders failed'),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
