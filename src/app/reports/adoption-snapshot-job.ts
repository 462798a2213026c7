import type { Logger } from '../../ports/logger.js';
import type { AppDeps } from '../deps.js';
import { type IntervalJob, startIntervalJob } from '../interval-job.js';
import { takeAdoptionSnapshot } from './adoption-report.js';

/**
 * Takes the day's adoption snapshot at start and then every `intervalMs`, for `serve`. Hourly is
 * plenty for a daily figure and still catches a day that began while the process ran. Every
 * process may run it: the day is the key, so one row lands. A failure is retried at the next
 * tick; a missed day is a gap in the chart, nothing worse.
 */
export function startAdoptionSnapshots(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  logger: Pick<Logger, 'info' | 'error'>,
  intervalMs = 60 * 60_000,
): IntervalJob {
  return startIntervalJob(
    async () => {
      if (await takeAdoptionSnapshot(deps)) logger.info('2FA adoption snapshot taken');
    },
    { intervalMs, logger, failure: '2FA adoption snapshot failed' },
  );
}
