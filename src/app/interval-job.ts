import type { Logger } from '../ports/logger.js';

export interface IntervalJob {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `task` at once and then every `intervalMs`, for the background work `serve` does. The timer
 * is unref'd so it never keeps the process alive; a tick that comes while a run is still going is
 * skipped, so runs never overlap; a failure is logged by name and message only (never a secret the
 * error might carry) and the next tick tries again.
 */
export function startIntervalJob(
  task: () => Promise<void>,
  { intervalMs, logger, failure }: { intervalMs: number; logger: Pick<Logger, 'error'>; failure: string },
): IntervalJob {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = task()
      .catch((error: Error) => logger.error({ err: { name: error.name, message: error.message } }, failure))
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
