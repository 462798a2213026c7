import type { Kysely, Migration } from 'kysely';

export const policies: Migration = {
  async up(db: Kysely<unknown>) {
    // One row per scope: 'global' (the operator's) or an organization's id.
    await db.schema
      .createTable('policies')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('required_from', 'text')
      .addColumn('time_zone', 'text')
      .addColumn('allowed_methods', 'text')
      .addColumn('backup_required', 'integer', (c) => c.notNull())
      .addColumn('recovery_codes_count_as_backup', 'integer', (c) => c.notNull())
      .addColumn('max_remember_device_days', 'integer')
      .addColumn('sudo_minutes', 'integer')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The primary key is the claim: of two processes sending the same reminder, one inserts.
    await db.schema
      .createTable('policy_reminders')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('days_before', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('policy_reminders_pk', ['user_id', 'deadline', 'days_before'])
      .execute();
  },
};
