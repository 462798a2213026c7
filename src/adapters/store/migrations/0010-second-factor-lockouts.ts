import type { Kysely, Migration } from 'kysely';

export const secondFactorLockouts: Migration = {
  async up(db: Kysely<unknown>) {
    // Consecutive second-factor attempts without a success, per account; past the limit the
    // second step stays locked until the unlock link mailed to the account comes back.
    await db.schema
      .createTable('second_factor_lockouts')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('unlock_token_hash', 'text', (c) => c.unique())
      .addColumn('unlock_expires_at', 'text')
      .execute();
  },
};
