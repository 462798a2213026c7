import type { Kysely, Migration } from 'kysely';

export const messageQueue: Migration = {
  async up(db: Kysely<unknown>) {
    // Every message waits here, written in the transaction that caused it, until a delivery
    // worker sends it. The body is blanked once it is sent or given up: it may hold a code or a link.
    await db.schema
      .createTable('message_queue')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('html', 'text')
      .addColumn('language', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      // Null once the message is sent or given up: nothing will try it again.
      .addColumn('next_attempt_at', 'text')
      .addColumn('claimed_until', 'text')
      .addColumn('claim_token', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('last_error', 'text')
      .execute();
    await db.schema
      .createIndex('message_queue_due')
      .on('message_queue')
      .columns(['next_attempt_at'])
      .execute();
  },
};
