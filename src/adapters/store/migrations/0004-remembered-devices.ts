import type { Kysely, Migration } from 'kysely';

export const rememberedDevices: Migration = {
  async up(db: Kysely<unknown>) {
    // "Don't ask again on this device": token digests only; a row dies with its user.
    await db.schema
      .createTable('remembered_devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('device_name', 'text', (c) => c.notNull())
      .addColumn('user_agent', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema
      .createIndex('remembered_devices_user')
      .on('remembered_devices')
      .column('user_id')
      .execute();
  },
};
