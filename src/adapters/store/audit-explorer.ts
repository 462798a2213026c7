import type { Kysely } from 'kysely';
import type { AuditEvent, AuditEventType } from '../../core/types.js';
import type { AuditExplorerStore } from '../../ports/report-store.js';
import { type Database, iso, toDate } from './schema.js';

/** The audit log searched by operators; served by the (at, id) and (type, at) indexes of 0009. */
export function kyselyAuditExplorerStore(db: Kysely<Database>): AuditExplorerStore {
  return {
    async search(filter, { after, limit }) {
      let query = db
        .selectFrom('audit_events')
        .leftJoin('users', 'users.id', 'audit_events.user_id')
        .selectAll('audit_events')
        .select('users.email as email');
      if (filter.userId !== undefined) query = query.where('audit_events.user_id', '=', filter.userId);
      if (filter.organizationId !== undefined) {
        const organizationId = filter.organizationId;
        query = query.where('audit_events.user_id', 'in', (eb) =>
          eb
            .selectFrom('organization_members')
            .select('organization_members.user_id')
            .where('organization_members.organization_id', '=', organizationId),
        );
      }
      if (filter.types !== undefined) {
        // An empty list matches nothing, as asked; `in ()` is not valid SQL.
        if (filter.types.length === 0) return [];
        query = query.where('audit_events.type', 'in', filter.types);
      }
      if (filter.from) query = query.where('audit_events.at', '>=', iso(filter.from));
      if (filter.until) query = query.where('audit_events.at', '<', iso(filter.until));
      if (after) {
        const at = iso(after.at);
        query = query.where((eb) =>
          eb.or([
            eb('audit_events.at', '<', at),
            eb.and([eb('audit_events.at', '=', at), eb('audit_events.id', '<', after.id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('audit_events.at', 'desc')
        .orderBy('audit_events.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        userId: row.user_id,
        email: row.email,
        type: row.type as AuditEventType,
        at: toDate(row.at),
        ip: row.ip,
        userAgent: row.user_agent,
        detail: JSON.parse(row.detail) as AuditEvent['detail'],
      }));
    },
    async eventTypes() {
      const rows = await db.selectFrom('audit_events').select('type').distinct().orderBy('type').execute();
      return rows.map((row) => row.type);
    },
  };
}
