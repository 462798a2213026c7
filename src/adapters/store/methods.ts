import { type Kysely, sql } from 'kysely';
import type { TwoFactorMethod } from '../../core/types.js';
import type { MethodStore } from '../../ports/method-store.js';
import { type Database, iso, isoOrNull, toDate, toDateOrNull } from './schema.js';

type Row = Database['two_factor_methods'];

const toMethod = (row: Row): TwoFactorMethod => ({
  id: row.id,
  userId: row.user_id,
  type: row.type,
  label: row.label,
  status: row.status as TwoFactorMethod['status'],
  secretSealed: row.secret_sealed,
  destination: row.destination,
  otp: row.otp_algorithm
    ? {
        algorithm: row.otp_algorithm as 'SHA1' | 'SHA256' | 'SHA512',
        digits: Number(row.otp_digits) as 6 | 7 | 8,
        period: Number(row.otp_period),
      }
    : null,
  lastUsedStep: row.last_used_step === null ? null : BigInt(row.last_used_step),
  createdAt: toDate(row.created_at),
  confirmedAt: toDateOrNull(row.confirmed_at),
  lastUsedAt: toDateOrNull(row.last_used_at),
  pendingExpiresAt: toDateOrNull(row.pending_expires_at),
});

export function kyselyMethodStore(db: Kysely<Database>): MethodStore {
  return {
    async create(m) {
      await db
        .insertInto('two_factor_methods')
        .values({
          id: m.id,
          user_id: m.userId,
          type: m.type,
          label: m.label,
          status: m.status,
          secret_sealed: m.secretSealed,
          destination: m.destination,
          otp_algorithm: m.otp?.algorithm ?? null,
          otp_digits: m.otp?.digits ?? null,
          otp_period: m.otp?.period ?? null,
          last_used_step: m.lastUsedStep === null ? null : m.lastUsedStep.toString(),
          created_at: iso(m.createdAt),
          confirmed_at: isoOrNull(m.confirmedAt),
          last_used_at: isoOrNull(m.lastUsedAt),
          pending_expires_at: isoOrNull(m.pendingExpiresAt),
        })
        .execute();
    },
    async find(id) {
      const row = await db
        .selectFrom('two_factor_methods')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toMethod(row) : null;
    },
    async listForUser(userId) {
      const rows = await db
        .selectFrom('two_factor_methods')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toMethod);
    },
    async activate(id, at) {
      const result = await db
        .updateTable('two_factor_methods')
        .set({ status: 'active', confirmed_at: iso(at), pending_expires_at: null })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('pending_expires_at', '>', iso(at))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async rename(id, label) {
      await db.updateTable('two_factor_methods').set({ label }).where('id', '=', id).execute();
    },
    async changeDestination(id, destination, label) {
      const result = await db
        .updateTable('two_factor_methods')
        .set({ destination, label })
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async delete(id) {
      const result = await db.deleteFrom('two_factor_methods').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async deleteExpiredPending(userId, now) {
      await db
        .deleteFrom('two_factor_methods')
        .where('user_id', '=', userId)
        .where('status', '=', 'pending')
        .where('pending_expires_at', '<=', iso(now))
        .execute();
    },
    async recordStepUse(id, step, at) {
      // The compare-and-set that makes a code single-use (RFC 6238 §5.2) under any concurrency.
      const result = await db
        .updateTable('two_factor_methods')
        .set({ last_used_step: step.toString(), last_used_at: iso(at) })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb('last_used_step', 'is', null),
            eb('last_used_step', '<', sql<string>`${step.toString()}`),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async recordUse(id, at) {
      await db
        .updateTable('two_factor_methods')
        .set({ last_used_at: iso(at) })
        .where('id', '=', id)
        .execute();
    },
    async getPrimaryId(userId) {
      const row = await db
        .selectFrom('two_factor_settings')
        .select('primary_method_id')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.primary_method_id ?? null;
    },
    async setPrimaryId(userId, methodId) {
      await db
        .insertInto('two_factor_settings')
        .values({ user_id: userId, primary_method_id: methodId })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ primary_method_id: methodId }))
        .execute();
    },
    async listSealedSecrets() {
      const rows = await db
        .selectFrom('two_factor_methods')
        .select(['id', 'secret_sealed'])
        .where('secret_sealed', 'is not', null)
        .execute();
      return rows.map((r) => ({ id: r.id, secretSealed: r.secret_sealed! }));
    },
    async updateSealedSecret(id, secretSealed) {
      await db
        .updateTable('two_factor_methods')
        .set({ secret_sealed: secretSealed })
        .where('id', '=', id)
        .execute();
    },
  };
}
