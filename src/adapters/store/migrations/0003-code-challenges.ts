import type { Kysely, Migration } from 'kysely';

export const codeChallenges: Migration = {
  async up(db: Kysely<unknown>) {
    // Codes sent by e-mail, SMS or voice; a row dies with its method, user or session.
    await db.schema
      .createTable('code_challenges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('method_id', 'text', (c) =>
        c.notNull().references('two_factor_methods.id').onDelete('cascade'),
      )
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
      .addColumn('code_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consumed_at', 'text')
      .addColumn('last_sent_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('code_challenges_method_session')
      .on('code_challenges')
      .columns(['method_id', 'purpose', 'session_id'])
      .execute();
  },
};
