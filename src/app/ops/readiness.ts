import type { AppDeps } from '../deps.js';

/** Whether this instance can serve requests: its database answers. Never throws. */
export async function checkReadiness(deps: Pick<AppDeps, 'store'>): Promise<{ storeReachable: boolean }> {
  try {
    await deps.store.ping();
    return { storeReachable: true };
  } catch {
    return { storeReachable: false };
  }
}
