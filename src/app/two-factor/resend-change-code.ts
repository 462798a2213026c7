import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { isLive } from '../../factors/sent-code/one-time-code.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { ownCodeMethod, startDestinationChange } from './change-destination.js';

/**
 * "Send again" while moving a method: a fresh code to the address or number the live change code
 * of this session went to, under the same cool-down and limits. No live change code: `not_found`.
 */
export async function resendDestinationChangeCode(
  deps: AppDeps,
  auth: Authenticated,
  input: { methodId: string; context: RequestContext },
): Promise<{ sentTo: string }> {
  const { method } = await ownCodeMethod(deps, auth, input.methodId);
  const latest = await deps.store.codeChallenges.findLatest(method.id, 'change', auth.session.id);
  const destination = latest && isLive(latest, deps.clock.now()) ? latest.destination : null;
  if (!destination) throw new DomainError('not_found');
  return startDestinationChange(deps, auth, {
    methodId: method.id,
    ...(method.type === 'email' ? { address: destination } : { phone: destination }),
    context: input.context,
  });
}
