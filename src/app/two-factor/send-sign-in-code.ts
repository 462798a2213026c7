import { DomainError } from '../../core/errors.js';
import type { RequestContext } from '../../core/types.js';
import type { DeviceOptions } from '../../factors/factor.js';
import { factorOf } from '../../factors/registry.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { sendCode } from './send-code.js';

/**
 * "Send code" at the second step. Nothing is sent at the password step itself, so knowing a
 * password alone cannot make us send codes (T-CODE-4). Only the pending session's own active
 * e-mail, SMS, voice or security-key method qualifies; any other id answers `not_found`. For a
 * security key nothing is sent: the answer is the options its browser asks it with.
 */
export async function sendSignInCode(
  deps: AppDeps,
  pending: Authenticated,
  input: { methodId: string; context: RequestContext },
): Promise<{ options: DeviceOptions } | null> {
  const { user, session } = pending;
  if (session.state !== 'second_factor') throw new DomainError('not_signed_in');
  const method = await deps.store.methods.find(input.methodId);
  if (
    !method ||
    method.userId !== user.id ||
    method.status !== 'active' ||
    !factorOf(method.type).startChallenge
  )
    throw new DomainError('not_found');
  return sendCode(deps, { user, method, purpose: 'sign_in', sessionId: session.id, context: input.context });
}
