import type { Kysely } from 'kysely';
import type { PasswordResetStore } from '../../ports/store.js';
import { type Database, iso } from './schema.js';

export function kyselyPasswordResetStore(db: Kysely<Database>): PasswordResetStore {
  return {
    async create(reset) {
      await db
        .insertInto('password_resets')
        .values({
          token_hash: reset.tokenHash,
          user_id: reset.userId,
          created_at: iso(reset.createdAt),
          expires_at: iso(reset.expiresAt),
          used_at: null,
        })
        .execute();
    },
    async findValid(tokenHash, now) {
      const row = await db
        .selectFrom('password_resets')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', iso(now))
        .executeTakeFirst();
      return row?.user_id ?? null;
    },
    async consume(tokenHash, now) {
      // One atomic UPDATE spends the token: two concurrent uses cannot both see it unused.
      const row = await db
        .updateTable('password_resets')
        .set({ used_at: iso(now) })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', iso(now))
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id ?? null;
    },
    async deleteForUser(userId) {
      await db.deleteFrom('password_resets').where('user_id', '=', userId).execute();
    },
  };
}
