import { type Kysely, sql } from 'kysely';
import type { AdoptionSnapshot } from '../../core/reports/adoption.js';
import type { AdoptionStore } from '../../ports/report-store.js';
import { type Database, iso, toDate } from './schema.js';

/** Counts come back as strings from PostgreSQL (bigint) and as numbers from SQLite. */
const count = (value: string | number | bigint | null | undefined): number => Number(value ?? 0);

/** The share of users with 2FA, now and one snapshot per day (0009_audit_and_adoption). */
export function kyselyAdoptionStore(db: Kysely<Database>): AdoptionStore {
  const activeUsers = () => db.selectFrom('users').where('users.disabled_at', 'is', null);
  const hasActiveMethod = sql<boolean>`exists (select 1 from two_factor_methods m where m.user_id = users.id and m.status = 'active')`;

  return {
    async current() {
      const [totals, methods] = await Promise.all([
        activeUsers()
          .select((eb) => [
            eb.fn.countAll<string | number>().as('users'),
            eb.fn.count<string | number>(sql`case when ${hasActiveMethod} then 1 end`).as('with_two_factor'),
          ])
          .executeTakeFirst(),
        activeUsers()
          .innerJoin('two_factor_methods', 'two_factor_methods.user_id', 'users.id')
          .where('two_factor_methods.status', '=', 'active')
          .select((eb) => [
            'two_factor_methods.type as type',
            eb.fn.count<string | number>('two_factor_methods.user_id').distinct().as('users'),
          ])
          .groupBy('two_factor_methods.type')
          .orderBy('two_factor_methods.type')
          .execute(),
      ]);
      return {
        users: count(totals?.users),
        withTwoFactor: count(totals?.with_two_factor),
        byMethod: Object.fromEntries(methods.map((row) => [row.type, count(row.users)])),
      };
    },

    async byOrganization() {
      const rows = await db
        .selectFrom('organizations')
        .leftJoin('organization_members', 'organization_members.organization_id', 'organizations.id')
        .leftJoin('users', (join) =>
          join.onRef('users.id', '=', 'organization_members.user_id').on('users.disabled_at', 'is', null),
        )
        .select((eb) => [
          'organizations.id as id',
          'organizations.name as name',
          eb.fn.count<string | number>('users.id').as('users'),
          eb.fn.count<string | number>(sql`case when ${hasActiveMethod} then 1 end`).as('with_two_factor'),
        ])
        .groupBy(['organizations.id', 'organizations.name'])
        .orderBy('organizations.name')
        .orderBy('organizations.id')
        .execute();
      return rows.map((row) => ({
        organizationId: row.id,
        name: row.name,
        users: count(row.users),
        withTwoFactor: count(row.with_two_factor),
      }));
    },

    async countNotReady({ organizationId }, allowedMethods) {
      let query = activeUsers().where(({ not, exists, selectFrom }) => {
        let methods = selectFrom('two_factor_methods as m')
          .select('m.id')
          .whereRef('m.user_id', '=', 'users.id')
          .where('m.status', '=', 'active');
        if (allowedMethods) {
          // `in ()` is not valid SQL; no allowed type means nobody is ready.
          if (allowedMethods.length === 0) return sql<boolean>`1 = 1`;
          methods = methods.where('m.type', 'in', allowedMethods);
        }
        return not(exists(methods));
      });
      if (organizationId !== undefined) {
        query = query.where('users.id', 'in', (eb) =>
          eb
            .selectFrom('organization_members')
            .select('organization_members.user_id')
            .where('organization_members.organization_id', '=', organizationId),
        );
      }
      const row = await query
        .select((eb) => eb.fn.countAll<string | number>().as('users'))
        .executeTakeFirst();
      return count(row?.users);
    },

    async recordSnapshot(snapshot) {
      // The day is the key and a second insert does nothing: of two processes (or two requests)
      // taking the day's snapshot at once, exactly one row lands.
      const result = await db
        .insertInto('adoption_snapshots')
        .values({
          day: snapshot.day,
          taken_at: iso(snapshot.takenAt),
          users: snapshot.users,
          with_two_factor: snapshot.withTwoFactor,
          by_method: JSON.stringify(snapshot.byMethod),
        })
        .onConflict((oc) => oc.column('day').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async history(fromDay, toDay) {
      const rows = await db
        .selectFrom('adoption_snapshots')
        .selectAll()
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .orderBy('day')
        .execute();
      return rows.map(
        (row): AdoptionSnapshot => ({
          day: row.day,
          takenAt: toDate(row.taken_at),
          users: count(row.users),
          withTwoFactor: count(row.with_two_factor),
          byMethod: JSON.parse(row.by_method) as Record<string, number>,
        }),
      );
    },
  };
}
