import type { Kysely } from 'kysely';
import type { AuditEvent, AuditEventType } from '../../core/types.js';
import type { AuditStore } from '../../ports/store.js';
import { type Database, iso, toDate } from './schema.js';

export function kyselyAuditStore(db: Kysely<Database>): AuditStore {
  return {
    async append(event) {
      await db
        .insertInto('audit_events')
        .values({
          id: event.id,
          user_id: event.userId,
          type: event.type,
          at: iso(event.at),
          ip: event.ip,
          user_agent: event.userAgent,
          detail: JSON.stringify(event.detail),
        })
        .execute();
    },
    async listForUser(userId, limit) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        userId: row.user_id,
        type: row.type as AuditEventType,
        at: toDate(row.at),
        ip: row.ip,
        userAgent: row.user_agent,
        detail: JSON.parse(row.detail) as AuditEvent['detail'],
      }));
    },
  };
}
