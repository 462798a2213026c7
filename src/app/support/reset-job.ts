import type { Logger } from 'pino';
import type { AppDeps } from '../deps.js';
import { completeDueResets } from './two-factor-reset.js';

/** Who acts in the audit trail when a reset takes effect on its own. */
export const resetJobContext = { ip: 'server', userAgent: 'twostep-reset-job', locale: 'en' } as const;

export interface ResetJob {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Applies support resets whose waiting period is over, every `intervalMs` (a minute by default).
 * Sign-in applies a due reset itself, so a user never waits on this job; it is for the sessions and
 * notices of users who do not come back. Runs never overlap; a failure is logged and retried.
 */
export function startResetJob(deps: AppDeps, logger: Logger, intervalMs = 60_000): ResetJob {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = completeDueResets(deps, resetJobContext)
      .then((applied) => {
        if (applied > 0) logger.info({ applied }, '2FA resets took effect');
      })
      .catch((error: Error) =>
        logger.error({ err: { name: error.name, message: error.message } }, '2FA reset job failed'),
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
