import type { Logger } from '../../ports/logger.js';
import type { AppDeps } from '../deps.js';
import { type IntervalJob, startIntervalJob } from '../interval-job.js';
import { deleteExpired } from './delete-expired.js';

/** The rate-limit key that lets one node per interval run the cleanup. */
export const cleanupClaimKey = 'job:cleanup';

/**
 * Deletes expired rows every `intervalMs` (hourly by default). Every node runs the timer, but the
 * first to count itself in the interval's rate-limit window does the work and the others skip it:
 * the deletes would be harmless twice, the load on the database would not.
 */
export function startCleanupJob(
  deps: Pick<AppDeps, 'store' | 'clock' | 'settings' | 'limiter'>,
  logger: Pick<Logger, 'info' | 'error'>,
  intervalMs = 60 * 60_000,
): IntervalJob {
  const claim = { limit: 1, windowSeconds: Math.max(1, Math.floor(intervalMs / 1000)) };
  return startIntervalJob(
    async () => {
      const turn = await deps.limiter.consume(cleanupClaimKey, claim, deps.clock.now());
      if (!turn.allowed) return;
      const deleted = await deleteExpired(deps);
      if (Object.values(deleted).some((n) => n > 0)) logger.info({ deleted }, 'expired rows deleted');
    },
    { intervalMs, logger, failure: 'cleanup of expired rows failed' },
  );
}
