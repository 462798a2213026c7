import type { Logger } from '../../ports/logger.js';
import type { AppDeps } from '../deps.js';
import { type IntervalJob, startIntervalJob } from '../interval-job.js';
import { sendDueReminders } from './send-reminders.js';

/**
 * Runs `sendDueReminders` every `intervalMs` (hourly by default; the days are what matter). A
 * failure is retried at the next tick, since a claim is only taken when its mail is about to go.
 */
export function startReminderJob(deps: AppDeps, logger: Logger, intervalMs = 60 * 60_000): IntervalJob {
  return startIntervalJob(
    async () => {
      const sent = await sendDueReminders(deps);
      if (sent > 0) logger.info({ sent }, '2FA reminders sent');
    },
    { intervalMs, logger, failure: '2FA reminders failed' },
  );
}
