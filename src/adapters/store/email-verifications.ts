import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../core/accounts/email.js';
import type { EmailVerificationStore } from '../../ports/email-verification-store.js';
import { type Database, iso, toDate, toDateOrNull } from './schema.js';

export function kyselyEmailVerificationStore(db: Kysely<Database>): EmailVerificationStore {
  return {
    async create(link) {
      await db
        .insertInto('email_verifications')
        .values({
          token_hash: link.tokenHash,
          user_id: link.userId,
          email_normalized: normalizeEmail(link.email),
          created_at: iso(link.createdAt),
          expires_at: iso(link.expiresAt),
          used_at: null,
        })
        .execute();
    },
    async find(tokenHash) {
      const row = await db
        .selectFrom('email_verifications')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return null;
      return {
        tokenHash: row.token_hash,
        userId: row.user_id,
        email: row.email_normalized,
        createdAt: toDate(row.created_at),
        expiresAt: toDate(row.expires_at),
        usedAt: toDateOrNull(row.used_at),
      };
    },
    async consume(tokenHash, now) {
      // One atomic UPDATE spends the link: two concurrent clicks cannot both see it unused.
      const row = await db
        .updateTable('email_verifications')
        .set({ used_at: iso(now) })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', iso(now))
        .returning(['user_id', 'email_normalized'])
        .executeTakeFirst();
      return row ? { userId: row.user_id, email: row.email_normalized } : null;
    },
    async lastCreatedAt(userId) {
      const row = await db
        .selectFrom('email_verifications')
        .select('created_at')
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toDate(row.created_at) : null;
    },
    async markVerified(userId, email, at) {
      const values = { email_normalized: normalizeEmail(email), verified_at: iso(at) };
      await db
        .insertInto('verified_emails')
        .values({ user_id: userId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
    },
    async verifiedAt(userId, email) {
      const row = await db
        .selectFrom('verified_emails')
        .select('verified_at')
        .where('user_id', '=', userId)
        .where('email_normalized', '=', normalizeEmail(email))
        .executeTakeFirst();
      return row ? toDate(row.verified_at) : null;
    },
  };
}
