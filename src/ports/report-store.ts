import type { AuditEvent } from '../core/types.js';

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

/** The audit log as operators search and export it. */
export interface AuditExplorerStore {
  /** Newest first. Keyset pagination: `after` is the last row of the previous page. */
  search(filter: AuditFilter, page: { after: AuditCursor | null; limit: number }): Promise<AuditRecord[]>;
  /** Every event type that occurs in the log, sorted. */
  eventTypes(): Promise<string[]>;
}

/** How many users have two-factor authentication, overall and by method type. */
export interface AdoptionFigures {
  /** Accounts that are not disabled. */
  users: number;
  /** Of those, the ones with at least one active method. */
  withTwoFactor: number;
  /** Users with at least one active method of the type; a user with two types counts in both. */
  byMethod: Record<string, number>;
}

export interface OrganizationAdoption {
  organizationId: string;
  name: string;
  users: number;
  withTwoFactor: number;
}

/** The figures of one UTC day, taken once. */
export interface AdoptionSnapshot extends AdoptionFigures {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  takenAt: Date;
}

export interface AdoptionStore {
  current(): Promise<AdoptionFigures>;
  /** Per organization, by name. */
  byOrganization(): Promise<OrganizationAdoption[]>;
  /**
   * Active users (of the organization, when given) without an active method of the allowed types
   * (any type when null): the ones a deadline would stop.
   */
  countNotReady(
    scope: { organizationId?: string | undefined },
    allowedMethods: readonly string[] | null,
  ): Promise<number>;
  /** Stores the day's snapshot unless that day has one; true for exactly one of racing callers. */
  recordSnapshot(snapshot: AdoptionSnapshot): Promise<boolean>;
  /** Snapshots from `fromDay` to `toDay`, both included, oldest first. */
  history(fromDay: string, toDay: string): Promise<AdoptionSnapshot[]>;
}
