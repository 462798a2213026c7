import type { Logger } from '../../ports/logger.js';
import type { AppDeps } from '../deps.js';
import { type IntervalJob, startIntervalJob } from '../interval-job.js';
import { completeDueResets } from './two-factor-reset.js';

/** Who acts in the audit trail when a reset takes effect on its own. */
export const resetJobContext = { ip: 'server', userAgent: 'twostep-reset-job', locale: 'en' } as const;

/**
 * Applies support resets whose waiting period is over, every `intervalMs` (a minute by default).
 * Sign-in applies a due reset itself, so a user never waits on this job; it is for the sessions and
 * notices of users who do not come back.
 */
export function startResetJob(deps: AppDeps, logger: Logger, intervalMs = 60_000): IntervalJob {
  return startIntervalJob(
    async () => {
      const applied = await completeDueResets(deps, resetJobContext);
      if (applied > 0) logger.info({ applied }, '2FA resets took effect');
    },
    { intervalMs, logger, failure: '2FA reset job failed' },
  );
}
