import type { Kysely, Selectable } from 'kysely';
import type { Session, SessionState } from '../../core/types.js';
import type { SessionStore } from '../../ports/store.js';
import { type Database, iso, isoOrNull, toDate, toDateOrNull } from './schema.js';

type Row = Selectable<Database['sessions']>;

const toSession = (row: Row): Session => ({
  id: row.id,
  tokenHash: row.token_hash,
  userId: row.user_id,
  state: row.state as SessionState,
  createdAt: toDate(row.created_at),
  lastSeenAt: toDate(row.last_seen_at),
  expiresAt: toDate(row.expires_at),
  sudoUntil: toDateOrNull(row.sudo_until),
  userAgent: row.user_agent,
  ip: row.ip,
});

export function kyselySessionStore(db: Kysely<Database>): SessionStore {
  return {
    async create(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          token_hash: session.tokenHash,
          user_id: session.userId,
          state: session.state,
          created_at: iso(session.createdAt),
          last_seen_at: iso(session.lastSeenAt),
          expires_at: iso(session.expiresAt),
          sudo_until: isoOrNull(session.sudoUntil),
          user_agent: session.userAgent,
          ip: session.ip,
        })
        .execute();
    },
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async findById(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async rotate(id, newTokenHash, changes) {
      await db
        .updateTable('sessions')
        .set({
          token_hash: newTokenHash,
          last_seen_at: iso(changes.lastSeenAt),
          ...(changes.state ? { state: changes.state } : {}),
          ...(changes.expiresAt ? { expires_at: iso(changes.expiresAt) } : {}),
          ...(changes.sudoUntil !== undefined ? { sudo_until: isoOrNull(changes.sudoUntil) } : {}),
        })
        .where('id', '=', id)
        .execute();
    },
    async touch(id, lastSeenAt) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: iso(lastSeenAt) })
        .where('id', '=', id)
        .execute();
    },
    async listForUser(userId) {
      const rows = await db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('last_seen_at', 'desc')
        .execute();
      return rows.map(toSession);
    },
    async delete(id) {
      const result = await db.deleteFrom('sessions').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async deleteForUser(userId, exceptId) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (exceptId) query = query.where('id', '!=', exceptId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpired(now, idleCutoff) {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', iso(now)), eb('last_seen_at', '<=', iso(idleCutoff))]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async addFactorFailure(sessionId) {
      const row = await db
        .updateTable('sessions')
        .set((eb) => ({ factor_failures: eb('factor_failures', '+', 1) }))
        .where('id', '=', sessionId)
        .returning('factor_failures')
        .executeTakeFirst();
      return Number(row?.factor_failures ?? Number.POSITIVE_INFINITY);
    },
  };
}
