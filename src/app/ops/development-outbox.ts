import type { OutboxMessage } from '../../core/types.js';
import type { AppDeps } from '../deps.js';

/**
 * What the development transport would have sent, newest first. Only the routes mounted while
 * that transport stands in for e-mail and SMS call this; in production there is no outbox.
 */
export function listDevelopmentOutbox(deps: Pick<AppDeps, 'store'>, limit: number): Promise<OutboxMessage[]> {
  return deps.store.outbox.list(limit);
}
