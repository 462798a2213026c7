import type { Kysely } from 'kysely';
import type { WebauthnCredential } from '../../core/two-factor/webauthn-credential.js';
import type { WebauthnCredentialStore } from '../../ports/webauthn-credential-store.js';
import { type Database, iso, toDate } from './schema.js';

type Row = Database['webauthn_credentials'];

const toCredential = (row: Row): WebauthnCredential => ({
  methodId: row.method_id,
  userId: row.user_id,
  credentialId: row.credential_id,
  publicKey: row.public_key,
  signCount: Number(row.sign_count),
  transports: row.transports ? row.transports.split(',') : [],
  aaguid: row.aaguid,
  backedUp: Number(row.backed_up) === 1,
  userVerification: row.user_verification === 'required' ? 'required' : 'preferred',
  createdAt: toDate(row.created_at),
});

export function kyselyWebauthnCredentialStore(db: Kysely<Database>): WebauthnCredentialStore {
  return {
    async add(c) {
      // One insert that yields on the unique credential id: two racing registrations of one key
      // leave one row, and no error to roll a surrounding transaction back.
      const row = await db
        .insertInto('webauthn_credentials')
        .values({
          method_id: c.methodId,
          user_id: c.userId,
          credential_id: c.credentialId,
          public_key: c.publicKey,
          sign_count: c.signCount,
          transports: c.transports.join(','),
          aaguid: c.aaguid,
          backed_up: c.backedUp ? 1 : 0,
          user_verification: c.userVerification,
          created_at: iso(c.createdAt),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('method_id')
        .executeTakeFirst();
      return row !== undefined;
    },
    async findByMethod(methodId) {
      const row = await db
        .selectFrom('webauthn_credentials')
        .selectAll()
        .where('method_id', '=', methodId)
        .executeTakeFirst();
      return row ? toCredential(row) : null;
    },
    async listForUser(userId) {
      const rows = await db
        .selectFrom('webauthn_credentials')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      return rows.map(toCredential);
    },
    async recordSignCount(methodId, signCount) {
      const result = await db
        .updateTable('webauthn_credentials')
        .set({ sign_count: signCount })
        .where('method_id', '=', methodId)
        .where((eb) => (signCount === 0 ? eb('sign_count', '=', 0) : eb('sign_count', '<', signCount)))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
