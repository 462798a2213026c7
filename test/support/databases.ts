import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../../src/adapters/store/migrations/index.js';
import { openDatabase } from '../../src/adapters/store/open-database.js';
import type { Database } from '../../src/adapters/store/schema.js';

const postgresAdminUrl = process.env.TWOSTEP_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when PostgreSQL answers. In CI it must: a missing database fails the run instead of skipping. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI but did not answer: ${error}`);
    return false;
  }
}

export interface TestDatabase {
  kind: 'sqlite' | 'postgres';
  db: Kysely<Database>;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database: an in-memory SQLite, or a new schema of its own on PostgreSQL. */
export async function freshDatabase(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const url = 'sqlite::memory:';
    const { db } = openDatabase(url);
    await migrateToLatest(db as Kysely<unknown>);
    return { kind, db, url, drop: () => db.destroy() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = `${postgresAdminUrl}${postgresAdminUrl.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`;
  const { db } = openDatabase(url);
  await migrateToLatest(db as Kysely<unknown>);
  return {
    kind,
    db,
    url,
    drop: async () => {
      await sql.raw(`DROP SCHEMA ${schema} CASCADE`).execute(db);
      await db.destroy();
    },
  };
}

/** The store kinds this run covers: SQLite always; PostgreSQL when it answers (always in CI). */
export async function storeKinds(): Promise<Array<'sqlite' | 'postgres'>> {
  return (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}
