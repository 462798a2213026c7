import { type Kysely, type Migration, sql } from 'kysely';

export const supportConsole: Migration = {
  async up(db: Kysely<unknown>) {
    // Staff of the operator, not customers: null for everyone else.
    await db.schema.alterTable('users').addColumn('staff_role', 'text').execute();
    // A support reset of a user's 2FA, pending until its waiting period ends (or it is cancelled).
    await db.schema
      .createTable('two_factor_resets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('requested_by', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('effective_at', 'text', (c) => c.notNull())
      .addColumn('cancel_token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .execute();
    // At most one pending reset per user, even when two staff members submit at the same moment.
    await db.schema
      .createIndex('two_factor_resets_one_pending')
      .on('two_factor_resets')
      .column('user_id')
      .unique()
      .where(sql.ref('status'), '=', 'pending')
      .execute();
    await db.schema
      .createIndex('two_factor_resets_status_effective')
      .on('two_factor_resets')
      .columns(['status', 'effective_at'])
      .execute();
  },
};
