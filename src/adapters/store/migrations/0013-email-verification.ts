import type { Kysely, Migration } from 'kysely';

export const emailVerification: Migration = {
  async up(db: Kysely<unknown>) {
    // Links mailed to prove an account's address; the token is kept only as its SHA-256.
    await db.schema
      .createTable('email_verifications')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('email_normalized', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createIndex('email_verifications_user')
      .on('email_verifications')
      .columns(['user_id', 'created_at'])
      .execute();
    // The address each user proved. Accounts made before this table start unproved: nothing ever
    // checked their address.
    await db.schema
      .createTable('verified_emails')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('email_normalized', 'text', (c) => c.notNull())
      .addColumn('verified_at', 'text', (c) => c.notNull())
      .execute();
  },
};
