import type { AdoptionFigures, AdoptionSnapshot, OrganizationAdoption } from '../core/reports/adoption.js';
import type { AuditCursor, AuditFilter, AuditRecord } from '../core/reports/audit-search.js';

/** The audit log as operators search and export it. */
export interface AuditExplorerStore {
  /** Newest first. Keyset pagination: `after` is the last row of the previous page. */
  search(filter: AuditFilter, page: { after: AuditCursor | null; limit: number }): Promise<AuditRecord[]>;
  /** Every event type that occurs in the log, sorted. */
  eventTypes(): Promise<string[]>;
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
