import type { AuditEvent } from '../../core/types.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';

/** The signed-in user's own security events, newest first: sign-ins, changes, resets. */
export function recentActivity(
  deps: Pick<AppDeps, 'store'>,
  auth: Pick<Authenticated, 'user'>,
  limit: number,
): Promise<AuditEvent[]> {
  return deps.store.audit.listForUser(auth.user.id, limit);
}
