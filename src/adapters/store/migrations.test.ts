import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import { migrateToLatest } from './migrations/index.js';

const kinds = await storeKinds();

/**
 * The names Kysely recorded for every migration released so far. A database keeps these rows for
 * ever: rename one and Kysely refuses to migrate that database again ("corrupted migrations").
 */
const releasedMigrationNames = [
  '0001_accounts_and_sessions',
  '0002_two_factor',
  '0003_code_challenges',
  '0004_remembered_devices',
  '0005_organizations',
  '0006_policies',
  '0007_support_console',
  '0008_method_destination_change',
  '0009_audit_and_adoption',
];

describe.each(kinds)('migrations on %s', (kind) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await freshDatabase(kind);
  });
  afterEach(() => database.drop());

  it('records every released migration under the name it was released with', async () => {
    const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      database.db,
    );
    const names = recorded.rows.map((row) => row.name);
    expect(names.slice(0, releasedMigrationNames.length)).toEqual(releasedMigrationNames);
  });

  it('finds nothing left to do in a database it migrated before', async () => {
    expect(await migrateToLatest(database.db as Kysely<unknown>)).toEqual([]);
  });
});
