import type { AppDeps } from '../deps.js';
import { resetForCancelToken } from './two-factor-reset.js';

/**
 * What the page behind a cancel link shows before anything changes: whose 2FA reset it stops and
 * when that reset takes effect. Null for a link that cannot cancel anything (any more).
 */
export async function cancelLinkState(
  deps: AppDeps,
  token: string,
): Promise<{ email: string; effectiveAt: Date } | null> {
  const reset = await resetForCancelToken(deps, token);
  const user = reset ? await deps.store.users.findById(reset.userId) : null;
  return reset && user ? { email: user.email, effectiveAt: reset.effectiveAt } : null;
}
