import type { Kysely } from 'kysely';
import type { ExpiredRowStore } from '../../ports/expired-row-store.js';
import { type Database, iso } from './schema.js';

export function kyselyExpiredRowStore(db: Kysely<Database>): ExpiredRowStore {
  const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
  return {
    async deleteCodeChallenges(before) {
      return count(
        await db.deleteFrom('code_challenges').where('expires_at', '<', iso(before)).executeTakeFirst(),
      );
    },
    async deletePendingSetups(before) {
      return count(
        await db
          .deleteFrom('two_factor_methods')
          .where('status', '=', 'pending')
          .where('pending_expires_at', '<', iso(before))
          .executeTakeFirst(),
      );
    },
    async deletePasswordResets(before) {
      return count(
        await db
          .deleteFrom('password_resets')
          .where((eb) => eb.or([eb('expires_at', '<', iso(before)), eb('used_at', '<', iso(before))]))
          .executeTakeFirst(),
      );
    },
    async deleteInvitations(before) {
      return count(
        await db
          .deleteFrom('organization_invitations')
          .where('accepted_at', 'is', null)
          .where('expires_at', '<', iso(before))
          .executeTakeFirst(),
      );
    },
    async deleteRateLimits(before) {
      return count(
        await db.deleteFrom('rate_limits').where('window_start', '<', iso(before)).executeTakeFirst(),
      );
    },
  };
}
