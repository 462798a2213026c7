import type { AppDeps } from '../deps.js';
import { effectivePolicyFor } from '../policy/effective-policy.js';

const dayMs = 24 * 60 * 60_000;

/**
 * For how many days this user may tick "Don't ask again on this device"; 0: not offered. The one
 * place the period is decided: the offer at the second step, the cookie's lifetime and the check at
 * sign-in all ask here, so a policy that shortens it (per organisation, say) takes effect everywhere,
 * devices remembered earlier included.
 */
export async function rememberDeviceDays(
  deps: Pick<AppDeps, 'settings' | 'store'>,
  userId: string,
): Promise<number> {
  const serverWide = Math.max(0, Math.floor(deps.settings.rememberDeviceDays));
  // The user's policy (global or an organization's) may only shorten the server-wide period.
  const policy = await effectivePolicyFor(deps, userId);
  const limit = policy.maxRememberDeviceDays?.value;
  return limit === undefined ? serverWide : Math.min(serverWide, Math.max(0, Math.floor(limit)));
}

export const daysToMs = (days: number): number => days * dayMs;
