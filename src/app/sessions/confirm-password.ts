import type { RequestContext } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { sudoWindowMs } from '../policy/sudo-window.js';
import type { Authenticated } from './authenticate.js';
import { renewSession } from './start-session.js';
import { verifyCurrentPassword } from './verify-current-password.js';

/**
 * Sudo mode ("Please confirm your password before continuing"): the password again opens a short
 * window for security changes in this session only, and renews the session token.
 */
export async function confirmPassword(
  deps: AppDeps,
  auth: Authenticated,
  input: { password: string; context: RequestContext },
): Promise<{ token: string; sudoUntil: Date }> {
  const now = deps.clock.now();
  const { password, context } = input;
  return verifyCurrentPassword(deps, auth, { password, context, now }, () =>
    openSudoWindow(deps, auth, context, now),
  );
}

async function openSudoWindow(
  deps: AppDeps,
  { user, session }: Authenticated,
  context: RequestContext,
  now: Date,
): Promise<{ token: string; sudoUntil: Date }> {
  const sudoUntil = new Date(now.getTime() + (await sudoWindowMs(deps, user.id)));
  const token = await deps.store.transaction(async (tx) => {
    const renewed = await renewSession(deps, tx, session, { sudoUntil, now });
    await recordAudit(tx, deps.random, now, { userId: user.id, type: 'password_confirmed', context });
    return renewed;
  });
  return { token, sudoUntil };
}
