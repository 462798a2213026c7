import { newId } from '../core/sessions/session-token.js';
import type { AuditEvent, AuditEventType, RequestContext } from '../core/types.js';
import type { Random } from '../ports/random.js';
import type { Store } from '../ports/store.js';

/** Appends one security event. Never put a secret in `detail`: the trail is shown to people. */
export function recordAudit(
  store: Store,
  random: Random,
  at: Date,
  event: {
    userId: string | null;
    type: AuditEventType;
    context: RequestContext;
    detail?: AuditEvent['detail'];
  },
): Promise<void> {
  return store.audit.append({
    id: newId(random),
    userId: event.userId,
    type: event.type,
    at,
    ip: event.context.ip,
    userAgent: event.context.userAgent,
    detail: event.detail ?? {},
  });
}
