import type { AppDeps } from '../deps.js';

/**
 * How long a row is kept after it stopped counting: long enough for support to see why a code or
 * link failed, and longer than any rate-limit window, so no counter is reset early.
 */
export const cleanupGraceMs = 7 * 24 * 60 * 60_000;

export type CleanupCounts = Record<
  | 'sessions'
  | 'codeChallenges'
  | 'pendingSetups'
  | 'passwordResets'
  | 'invitations'
  | 'rememberedDevices'
  | 'rateLimits',
  number
>;

/**
 * Deletes what expired more than `graceMs` ago. Each delete stands alone: a row is either useless
 * or kept, so a run cut short leaves nothing half-done and the next run picks up the rest.
 */
export async function deleteExpired(
  deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>,
  graceMs = cleanupGraceMs,
): Promise<CleanupCounts> {
  const { store, clock, settings } = deps;
  const before = new Date(clock.now().getTime() - graceMs);
  const idleBefore = new Date(before.getTime() - settings.session.idleMs);
  const expired = store.expiredRows;
  // Sessions first: their sent codes go with them.
  const sessions = await store.sessions.deleteExpired(before, idleBefore);
  return {
    sessions,
    codeChallenges: await expired.deleteCodeChallenges(before),
    pendingSetups: await expired.deletePendingSetups(before),
    passwordResets: await expired.deletePasswordResets(before),
    invitations: await expired.deleteInvitations(before),
    rememberedDevices: await store.rememberedDevices.deleteExpired(before),
    rateLimits: await expired.deleteRateLimits(before),
  };
}
