import type { AuditEvent } from '../types.js';

/** Which audit events an operator looks at; every field narrows, none set means all. */
export interface AuditFilter {
  userId?: string | undefined;
  /** Only events of the organization's members. */
  organizationId?: string | undefined;
  types?: string[] | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  until?: Date | undefined;
}

/** Where the previous page ended: events are ordered by time, then id, newest first. */
export interface AuditCursor {
  at: Date;
  id: string;
}

/** An audit event with the address of its user (null for events without a user, or a deleted one). */
export interface AuditRecord extends AuditEvent {
  email: string | null;
}
