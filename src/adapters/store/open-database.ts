import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * Opens the database named by a URL: `postgres://…` for PostgreSQL, `sqlite:PATH` or
 * `sqlite::memory:` for SQLite (WAL, so readers never wait on the writer).
 */
export function openDatabase(
  url: string,
  { onConnectionLost = () => {} }: { onConnectionLost?: (error: Error) => void } = {},
): { db: Kysely<Database>; kind: DatabaseKind } {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    // A connection that fails while no query waits on it (a restart, a failover) is reported here;
    // without a listener the pool's 'error' event would end the process. The pool drops that
    // connection and opens new ones as requests need them, so the server recovers by itself.
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    pool.on('error', onConnectionLost);
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'postgres' };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') createPrivately(path);
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    // In WAL mode NORMAL never corrupts the database; it only lets the last commits before a power
    // cut be lost, and it saves an fsync on every commit (SQLite's own advice for WAL).
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) }),
      kind: 'sqlite',
    };
  }
  throw new TypeError(`Unsupported database URL (expected postgres:// or sqlite:): ${url.split(':')[0]}:…`);
}

/**
 * The file holds password hashes and sealed secrets: its folder, when we make it, is the owner's
 * only, and the file is 0600 whether new or left open by an earlier version. SQLite gives its
 * -wal and -shm files the mode of the database file.
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused, and preparing is a
 * tenth of the time of a hot request. Our queries are a fixed set, so the cache stays small; the
 * bound keeps it so even if a caller built queries with literal values.
 */
function reusingStatements(sqlite: SQLite.Database, limit = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(query: string) {
      let statement = statements.get(query);
      if (!statement) {
        statement = sqlite.prepare(query);
        if (statements.size < limit) statements.set(query, statement);
      }
      return statement;
    },
  };
}
