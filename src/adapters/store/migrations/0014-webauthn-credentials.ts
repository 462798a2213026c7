import type { Kysely, Migration } from 'kysely';

export const webauthnCredentials: Migration = {
  async up(db: Kysely<unknown>) {
    // The public key of a security key or of this device's fingerprint / face, one per method of
    // type `webauthn`; it goes with its method. Nothing here is secret: a stolen row signs nothing.
    await db.schema
      .createTable('webauthn_credentials')
      .addColumn('method_id', 'text', (c) =>
        c.primaryKey().references('two_factor_methods.id').onDelete('cascade'),
      )
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('credential_id', 'text', (c) => c.notNull().unique())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('sign_count', 'bigint', (c) => c.notNull())
      .addColumn('transports', 'text', (c) => c.notNull())
      .addColumn('aaguid', 'text', (c) => c.notNull())
      .addColumn('backed_up', 'integer', (c) => c.notNull())
      .addColumn('user_verification', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webauthn_credentials_user')
      .on('webauthn_credentials')
      .column('user_id')
      .execute();
  },
};
