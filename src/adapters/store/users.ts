import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../core/accounts/email.js';
import type { StaffRole, User } from '../../core/types.js';
import type { UserStore } from '../../ports/store.js';
import { type Database, iso, isoOrNull, toDate, toDateOrNull } from './schema.js';

type Row = Database['users'];

const isStaffRole = (value: string | null): value is StaffRole => value === 'support' || value === 'operator';

const toUser = (row: Row): User => ({
  id: row.id,
  email: row.email,
  passwordHash: row.password_hash,
  locale: row.locale,
  createdAt: toDate(row.created_at),
  disabledAt: toDateOrNull(row.disabled_at),
  staffRole: isStaffRole(row.staff_role) ? row.staff_role : null,
});

export function kyselyUserStore(db: Kysely<Database>): UserStore {
  return {
    async insertIfAbsent(user) {
      // ON CONFLICT DO NOTHING: of N concurrent sign-ups for one address, exactly one row lands.
      const result = await db
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          email_normalized: normalizeEmail(user.email),
          password_hash: user.passwordHash,
          locale: user.locale,
          created_at: iso(user.createdAt),
          disabled_at: isoOrNull(user.disabledAt),
          staff_role: user.staffRole ?? null,
        })
        .onConflict((oc) => oc.column('email_normalized').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async findByEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email_normalized', '=', normalizeEmail(email))
        .executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async findById(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },
    async updatePasswordHash(id, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
    async setDisabled(id, at) {
      await db
        .updateTable('users')
        .set({ disabled_at: isoOrNull(at) })
        .where('id', '=', id)
        .execute();
    },
    async setStaffRole(id, role) {
      await db.updateTable('users').set({ staff_role: role }).where('id', '=', id).execute();
    },
    async setLocale(id, locale) {
      await db.updateTable('users').set({ locale }).where('id', '=', id).execute();
    },
    async list({ limit, offset }) {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toUser);
    },
  };
}
