import type { Kysely } from 'kysely';
import type { StoredPolicy } from '../../core/policy/policy.js';
import { isMethodType } from '../../factors/registry.js';
import type { PolicyStore } from '../../ports/policy-store.js';
import { type Database, iso, isoOrNull, toDate, toDateOrNull } from './schema.js';

type Row = Database['policies'];

const toPolicy = (row: Row): StoredPolicy => ({
  scope: row.scope,
  requiredFrom: toDateOrNull(row.required_from),
  timeZone: row.time_zone,
  allowedMethods: row.allowed_methods === null ? null : row.allowed_methods.split(',').filter(isMethodType),
  backupRequired: Number(row.backup_required) === 1,
  recoveryCodesCountAsBackup: Number(row.recovery_codes_count_as_backup) === 1,
  maxRememberDeviceDays: row.max_remember_device_days === null ? null : Number(row.max_remember_device_days),
  sudoMinutes: row.sudo_minutes === null ? null : Number(row.sudo_minutes),
  updatedAt: toDate(row.updated_at),
});

export function kyselyPolicyStore(db: Kysely<Database>): PolicyStore {
  return {
    async findForScopes(scopes) {
      if (scopes.length === 0) return [];
      const rows = await db.selectFrom('policies').selectAll().where('scope', 'in', scopes).execute();
      return rows.map(toPolicy);
    },
    async put(policy) {
      const values = {
        required_from: isoOrNull(policy.requiredFrom),
        time_zone: policy.timeZone,
        allowed_methods: policy.allowedMethods === null ? null : policy.allowedMethods.join(','),
        backup_required: policy.backupRequired ? 1 : 0,
        recovery_codes_count_as_backup: policy.recoveryCodesCountAsBackup ? 1 : 0,
        max_remember_device_days: policy.maxRememberDeviceDays,
        sudo_minutes: policy.sudoMinutes,
        updated_at: iso(policy.updatedAt),
      };
      await db
        .insertInto('policies')
        .values({ scope: policy.scope, ...values })
        .onConflict((oc) => oc.column('scope').doUpdateSet(values))
        .execute();
    },
    async remove(scope) {
      const result = await db.deleteFrom('policies').where('scope', '=', scope).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async listWithDeadlineAfter(now) {
      const rows = await db
        .selectFrom('policies')
        .selectAll()
        .where('required_from', '>', iso(now))
        .execute();
      return rows.map(toPolicy);
    },
    async claimReminder({ userId, deadline, daysBefore, at }) {
      const result = await db
        .insertInto('policy_reminders')
        .values({ user_id: userId, deadline: iso(deadline), days_before: daysBefore, sent_at: iso(at) })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
