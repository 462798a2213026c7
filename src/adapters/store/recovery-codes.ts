import type { Kysely } from 'kysely';
import type { RecoveryCodeStore } from '../../ports/recovery-code-store.js';
import { type Database, iso } from './schema.js';

export function kyselyRecoveryCodeStore(db: Kysely<Database>): RecoveryCodeStore {
  return {
    async replace(userId, codeHashes, at) {
      await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
      await db
        .insertInto('recovery_codes')
        .values(
          codeHashes.map((code_hash) => ({ code_hash, user_id: userId, created_at: iso(at), used_at: null })),
        )
        .execute();
    },
    async spend(userId, codeHashes, at) {
      if (codeHashes.length === 0) return false;
      // One atomic UPDATE … WHERE used_at IS NULL: thirty racing uses of a code, one success.
      const result = await db
        .updateTable('recovery_codes')
        .set({ used_at: iso(at) })
        .where('user_id', '=', userId)
        .where('code_hash', 'in', codeHashes)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async countLeft(userId) {
      const row = await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<string | number>().as('left'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.left);
    },
    async deleteForUser(userId) {
      await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    },
  };
}
