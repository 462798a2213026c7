import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import { factorOf } from '../../factors/registry.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { sendCode } from './send-code.js';

/**
 * "Send code" at the second step. Nothing is sent at the password step itself, so knowing a
 * password alone cannot make us send codes (issue 4). Only the pending session's own active
 * e-mail, SMS or voice method qualifies; any other id answers `not_found`.
 */
export async function sendSignInCode(
  deps: AppDeps,
  pending: Authenticated,
  input: { methodId: string; context: RequestContext },
): Promise<void> {
  const { user, session } = pending;
  if (session.state !== 'second_factor') throw new DomainError('not_signed_in');
  const method = await deps.store.methods.find(input.methodId);
  if (!method || method.userId !== user.id || method.status !== 'active' || !factorOf(method.type).channel)
    throw new DomainError('not_found');
  await sendCode(deps, { user, method, purpose: 'sign_in', sessionId: session.id, context: input.context });
}
