import type { TwoFactorReset } from '../../core/two-factor/two-factor-reset.js';
import type { RequestContext } from '../../core/types.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { cancelResetAsActor, shortenTwoFactorReset } from './reset-changes.js';
import { assertStaff } from './staff-access.js';
import { authorize } from './staff-actions.js';

const hourMs = 3_600_000;

/** Support stop a waiting reset from the console: the safe direction, so any staff role may. */
export async function cancelResetAsStaff(
  deps: AppDeps,
  staff: Authenticated,
  input: { userId: string; context: RequestContext },
): Promise<void> {
  const target = await authorize(deps, staff, input.userId);
  await cancelResetAsActor(deps, { actor: staff.user, userId: target.id, context: input.context });
}

/** An operator brings a waiting reset forward to `hours` from now (0: at once), for a second reason. */
export async function shortenResetAsOperator(
  deps: AppDeps,
  staff: Authenticated,
  input: { userId: string; hours: number; reason: string; context: RequestContext },
): Promise<TwoFactorReset> {
  assertStaff(staff, 'operator');
  const target = await authorize(deps, staff, input.userId);
  return shortenTwoFactorReset(deps, {
    actor: staff.user,
    userId: target.id,
    reason: input.reason,
    effectiveAt: new Date(deps.clock.now().getTime() + input.hours * hourMs),
    context: input.context,
  });
}
