import { type Kysely, sql } from 'kysely';
import type { TwoFactorReset } from '../../core/two-factor/two-factor-reset.js';
import type { TwoFactorResetStore } from '../../ports/two-factor-reset-store.js';
import { type Database, iso, isoOrNull, toDate, toDateOrNull } from './schema.js';

type Row = Database['two_factor_resets'];

const toReset = (row: Row): TwoFactorReset => ({
  id: row.id,
  userId: row.user_id,
  requestedBy: row.requested_by,
  reason: row.reason,
  requestedAt: toDate(row.requested_at),
  effectiveAt: toDate(row.effective_at),
  cancelTokenHash: row.cancel_token_hash,
  status: row.status as TwoFactorReset['status'],
  closedAt: toDateOrNull(row.closed_at),
});

export function kyselyTwoFactorResetStore(db: Kysely<Database>): TwoFactorResetStore {
  return {
    async create(reset) {
      const result = await db
        .insertInto('two_factor_resets')
        .values({
          id: reset.id,
          user_id: reset.userId,
          requested_by: reset.requestedBy,
          reason: reset.reason,
          requested_at: iso(reset.requestedAt),
          effective_at: iso(reset.effectiveAt),
          cancel_token_hash: reset.cancelTokenHash,
          status: reset.status,
          closed_at: isoOrNull(reset.closedAt),
        })
        // The partial unique index decides between racing requests: the loser inserts nothing.
        .onConflict((oc) =>
          oc.column('user_id').where(sql.ref('status'), '=', sql.lit('pending')).doNothing(),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async findPendingForUser(userId) {
      const row = await db
        .selectFrom('two_factor_resets')
        .selectAll()
        .where('user_id', '=', userId)
        .where('status', '=', 'pending')
        .orderBy('requested_at', 'desc')
        .executeTakeFirst();
      return row ? toReset(row) : null;
    },
    async findPendingByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('two_factor_resets')
        .selectAll()
        .where('cancel_token_hash', '=', tokenHash)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return row ? toReset(row) : null;
    },
    async close(id, status, at) {
      // One conditional UPDATE: only the caller that still sees `pending` changes the row.
      const result = await db
        .updateTable('two_factor_resets')
        .set({ status, closed_at: iso(at) })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async bringForward(id, effectiveAt, cancelTokenHash) {
      const result = await db
        .updateTable('two_factor_resets')
        .set({ effective_at: iso(effectiveAt), cancel_token_hash: cancelTokenHash })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('effective_at', '>', iso(effectiveAt))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async listDue(now, limit) {
      const rows = await db
        .selectFrom('two_factor_resets')
        .selectAll()
        .where('status', '=', 'pending')
        .where('effective_at', '<=', iso(now))
        .orderBy('effective_at')
        .limit(limit)
        .execute();
      return rows.map(toReset);
    },
    async listForUser(userId, limit) {
      const rows = await db
        .selectFrom('two_factor_resets')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('requested_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toReset);
    },
  };
}
