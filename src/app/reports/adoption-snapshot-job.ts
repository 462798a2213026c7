import type { Logger } from 'pino';
import type { AppDeps } from '../deps.js';
import { takeAdoptionSnapshot } from './adoption-report.js';

export interface SnapshotJob {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Takes the day's adoption snapshot at start and then every `intervalMs`, for `serve`. Hourly is
 * plenty for a daily figure and still catches a day that began while the process ran. Every
 * process may run it: the day is the key, so one row lands. A failure is logged and retried at
 * the next tick; a missed day is a gap in the chart, nothing worse. The timer never keeps the
 * process alive, and runs never overlap.
 */
export function startAdoptionSnapshots(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  logger: Pick<Logger, 'info' | 'error'>,
  intervalMs = 60 * 60_000,
): SnapshotJob {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = takeAdoptionSnapshot(deps)
      .then((taken) => {
        if (taken) logger.info('2FA adoption snapshot taken');
      })
      .catch((error: Error) =>
        logger.error({ err: { name: error.name, message: error.message } }, '2FA adoption snapshot failed'),
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
