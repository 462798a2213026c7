import type { Kysely, Migration } from 'kysely';

export const auditAndAdoption: Migration = {
  async up(db: Kysely<unknown>) {
    // The operators' audit explorer pages through all events newest first, or one type's.
    await db.schema.createIndex('audit_events_at_id').on('audit_events').columns(['at', 'id']).execute();
    await db.schema.createIndex('audit_events_type_at').on('audit_events').columns(['type', 'at']).execute();
    // One row per UTC day; the key makes a second snapshot of a day impossible.
    await db.schema
      .createTable('adoption_snapshots')
      .addColumn('day', 'text', (c) => c.primaryKey())
      .addColumn('taken_at', 'text', (c) => c.notNull())
      .addColumn('users', 'integer', (c) => c.notNull())
      .addColumn('with_two_factor', 'integer', (c) => c.notNull())
      .addColumn('by_method', 'text', (c) => c.notNull())
      .execute();
  },
};
