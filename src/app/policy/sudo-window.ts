import type { AppDeps } from '../deps.js';
import { effectivePolicyFor } from './effective-policy.js';

/** How long a confirmed password opens sudo mode for this user: a policy may only shorten it. */
export async function sudoWindowMs(
  deps: Pick<AppDeps, 'settings' | 'store'>,
  userId: string,
): Promise<number> {
  const serverWide = deps.settings.session.sudoMs;
  const minutes = (await effectivePolicyFor(deps, userId)).sudoMinutes?.value;
  return minutes === undefined ? serverWide : Math.min(serverWide, minutes * 60_000);
}
