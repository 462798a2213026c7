import type { Kysely, Migration } from 'kysely';

export const twoFactor: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('two_factor_methods')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text')
      .addColumn('destination', 'text')
      .addColumn('otp_algorithm', 'text')
      .addColumn('otp_digits', 'integer')
      .addColumn('otp_period', 'integer')
      .addColumn('last_used_step', 'bigint')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('confirmed_at', 'text')
      .addColumn('last_used_at', 'text')
      .addColumn('pending_expires_at', 'text')
      .execute();
    await db.schema
      .createIndex('two_factor_methods_user')
      .on('two_factor_methods')
      .column('user_id')
      .execute();
    await db.schema
      .createTable('recovery_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();
    await db.schema
      .createTable('two_factor_settings')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('primary_method_id', 'text')
      .execute();
    await db.schema
      .alterTable('sessions')
      .addColumn('factor_failures', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
