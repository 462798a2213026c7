import { type Kysely, sql } from 'kysely';
import type { SecondFactorLockoutStore } from '../../ports/second-factor-lockout-store.js';
import { type Database, iso } from './schema.js';

export function kyselySecondFactorLockoutStore(db: Kysely<Database>): SecondFactorLockoutStore {
  return {
    async countAttempt(userId) {
      // One upsert counts and reads: parallel attempts each get their own number.
      const row = await db
        .insertInto('second_factor_lockouts')
        .values({ user_id: userId, attempts: 1, unlock_token_hash: null, unlock_expires_at: null })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({ attempts: sql<number>`second_factor_lockouts.attempts + 1` }),
        )
        .returning('attempts')
        .executeTakeFirstOrThrow();
      return Number(row.attempts);
    },
    async clear(userId) {
      await db.deleteFrom('second_factor_lockouts').where('user_id', '=', userId).execute();
    },
    async setUnlockToken(userId, tokenHash, expiresAt, now) {
      const result = await db
        .updateTable('second_factor_lockouts')
        .set({ unlock_token_hash: tokenHash, unlock_expires_at: iso(expiresAt) })
        .where('user_id', '=', userId)
        .where((eb) => eb.or([eb('unlock_expires_at', 'is', null), eb('unlock_expires_at', '<=', iso(now))]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async unlock(tokenHash, now) {
      const row = await db
        .deleteFrom('second_factor_lockouts')
        .where('unlock_token_hash', '=', tokenHash)
        .where('unlock_expires_at', '>', iso(now))
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id ?? null;
    },
  };
}
