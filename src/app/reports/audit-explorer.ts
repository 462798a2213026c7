import { type AuditPosition, decodeAuditCursor, encodeAuditCursor } from '../../core/reports/audit-cursor.js';
import type { AuditFilter, AuditRecord } from '../../core/reports/audit-search.js';
import { csvRow } from '../../core/reports/csv.js';
import type { Store } from '../../ports/store.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { assertStaff } from '../support/staff-access.js';

/** What an operator asks of the audit log, as typed values; the HTTP layer parses them. */
export interface AuditQuery {
  /** The user's e-mail address, in any case or spacing. */
  email?: string | undefined;
  organizationId?: string | undefined;
  types?: string[] | undefined;
  from?: Date | undefined;
  until?: Date | undefined;
}

export interface AuditPage {
  events: AuditRecord[];
  /** Pass back as `cursor` for the next, older page; null on the last page. */
  nextCursor: string | null;
  /** The query names an e-mail address that has no account: say so rather than show nothing. */
  unknownUser: boolean;
}

/** Filters resolved against the store; null when the filter names a user that does not exist. */
async function resolveFilter(store: Store, query: AuditQuery): Promise<AuditFilter | null> {
  let userId: string | undefined;
  if (query.email !== undefined) {
    const user = await store.users.findByEmail(query.email);
    if (!user) return null;
    userId = user.id;
  }
  return {
    userId,
    organizationId: query.organizationId,
    types: query.types,
    from: query.from,
    until: query.until,
  };
}

/** One page of the audit log, newest first (keyset pagination: stable while events arrive). */
export async function searchAuditLog(
  deps: Pick<AppDeps, 'store'>,
  query: AuditQuery,
  page: { cursor?: string | undefined; limit: number },
): Promise<AuditPage> {
  const after = page.cursor ? decodeAuditCursor(page.cursor) : null;
  const filter = await resolveFilter(deps.store, query);
  if (!filter) return { events: [], nextCursor: null, unknownUser: true };
  // One row more than asked tells whether another page exists without a count query.
  const rows = await deps.store.auditExplorer.search(filter, { after, limit: page.limit + 1 });
  const events = rows.slice(0, page.limit);
  const last = events.at(-1);
  return {
    events,
    nextCursor: rows.length > page.limit && last ? encodeAuditCursor({ at: last.at, id: last.id }) : null,
    unknownUser: false,
  };
}

/**
 * Column names are identifiers, like the JSON field names of the API, so that scripts reading
 * the export do not depend on the operator's language.
 */
export const auditCsvHeader = ['at', 'type', 'email', 'user_id', 'ip', 'user_agent', 'detail'] as const;

const exportBatch = 500;

/**
 * The whole filtered log as CSV lines, fetched in keyset batches: memory stays flat however long
 * the log, and the caller streams each line out as it comes.
 */
export async function* auditCsvLines(
  deps: Pick<AppDeps, 'store'>,
  query: AuditQuery,
): AsyncGenerator<string> {
  yield csvRow(auditCsvHeader);
  const filter = await resolveFilter(deps.store, query);
  if (!filter) return;
  let after: AuditPosition | null = null;
  for (;;) {
    const rows = await deps.store.auditExplorer.search(filter, { after, limit: exportBatch });
    for (const e of rows) {
      yield csvRow([
        e.at.toISOString(),
        e.type,
        e.email,
        e.userId,
        e.ip,
        e.userAgent,
        JSON.stringify(e.detail),
      ]);
    }
    const last = rows.at(-1);
    if (!last || rows.length < exportBatch) return;
    after = { at: last.at, id: last.id };
  }
}

/** What the explorer's filter form offers: organizations (the first `organizationLimit`) and event types. */
export async function auditFilterChoices(
  deps: Pick<AppDeps, 'store'>,
  staff: Authenticated,
  organizationLimit: number,
): Promise<{ organizations: Array<{ id: string; name: string }>; eventTypes: string[] }> {
  assertStaff(staff, 'operator');
  const [organizations, eventTypes] = await Promise.all([
    deps.store.organizations.list({ limit: organizationLimit, offset: 0 }),
    deps.store.auditExplorer.eventTypes(),
  ]);
  return { organizations, eventTypes };
}
