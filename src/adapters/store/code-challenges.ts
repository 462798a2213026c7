import type { Kysely } from 'kysely';
import type { CodeChallenge } from '../../core/two-factor/code-challenge.js';
import type { ProofPurpose } from '../../core/types.js';
import type { CodeChallengeStore } from '../../ports/code-challenge-store.js';
import { type Database, iso, toDate, toDateOrNull } from './schema.js';

type Row = Database['code_challenges'];

const toChallenge = (row: Row): CodeChallenge => ({
  id: row.id,
  userId: row.user_id,
  methodId: row.method_id,
  purpose: row.purpose as ProofPurpose,
  sessionId: row.session_id,
  codeHash: row.code_hash,
  createdAt: toDate(row.created_at),
  expiresAt: toDate(row.expires_at),
  attempts: Number(row.attempts),
  consumedAt: toDateOrNull(row.consumed_at),
  lastSentAt: toDate(row.last_sent_at),
  destination: row.destination,
});

export function kyselyCodeChallengeStore(db: Kysely<Database>): CodeChallengeStore {
  return {
    async replace(c, options = {}) {
      const fresh = {
        id: c.id,
        user_id: c.userId,
        code_hash: c.codeHash,
        created_at: iso(c.createdAt),
        expires_at: iso(c.expiresAt),
        attempts: c.attempts,
        consumed_at: null,
        last_sent_at: iso(c.lastSentAt),
        destination: c.destination ?? null,
      };
      // One upsert on the unique (method, purpose, session): the check of the cool-down and the
      // write are one statement, so two parallel resends cannot both pass it.
      const row = await db
        .insertInto('code_challenges')
        .values({ ...fresh, method_id: c.methodId, purpose: c.purpose, session_id: c.sessionId })
        .onConflict((conflict) => {
          const update = conflict.columns(['method_id', 'purpose', 'session_id']).doUpdateSet(fresh);
          const { unlessSentAfter } = options;
          return unlessSentAfter
            ? update.where('code_challenges.last_sent_at', '<=', iso(unlessSentAfter))
            : update;
        })
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
    async findLatest(methodId, purpose, sessionId) {
      const row = await db
        .selectFrom('code_challenges')
        .selectAll()
        .where('method_id', '=', methodId)
        .where('purpose', '=', purpose)
        .where('session_id', '=', sessionId)
        .orderBy('last_sent_at', 'desc')
        .executeTakeFirst();
      return row ? toChallenge(row) : null;
    },
    async consume(id, now, maxAttempts) {
      const result = await db
        .updateTable('code_challenges')
        .set({ consumed_at: iso(now) })
        .where('id', '=', id)
        .where('consumed_at', 'is', null)
        .where('attempts', '<', maxAttempts)
        .where('expires_at', '>', iso(now))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async addWrongTry(id) {
      const row = await db
        .updateTable('code_challenges')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id)
        .returning('attempts')
        .executeTakeFirst();
      return Number(row?.attempts ?? Number.POSITIVE_INFINITY);
    },
    async discard(id) {
      await db.deleteFrom('code_challenges').where('id', '=', id).execute();
    },
    async deleteForMethod(methodId) {
      await db.deleteFrom('code_challenges').where('method_id', '=', methodId).execute();
    },
  };
}
