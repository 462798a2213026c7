import type { AuditEvent, Session } from '../../../core/types.js';

/** When and where a session was seen, as the API shows it next to its id (never its token). */
export const sessionSeen = (s: Session) => ({
  createdAt: s.createdAt.toISOString(),
  lastSeenAt: s.lastSeenAt.toISOString(),
  userAgent: s.userAgent,
  ip: s.ip,
});

/** An audit event as the user's own activity shows it (no detail). */
export const activityAnswer = (e: AuditEvent) => ({
  id: e.id,
  type: e.type,
  at: e.at.toISOString(),
  ip: e.ip,
  userAgent: e.userAgent,
});
