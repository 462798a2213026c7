import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/store/open-database.js';

const mode = (path: string) => statSync(path).mode & 0o777;

/** The database holds password hashes and sealed secrets: no other local user may read it. */
describe('the SQLite file', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is created readable by its owner only, in a folder only its owner can enter', async () => {
    root = mkdtempSync(join(tmpdir(), 'twostep-mode-'));
    const file = join(root, 'data', 'twostep.db');
    const { db } = openDatabase(`sqlite:${file}`);
    await sql`create table t (x integer)`.execute(db);
    await sql`insert into t values (1)`.execute(db);
    expect(mode(join(root, 'data'))).toBe(0o700);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path), path).toBe(0o600);
    await db.destroy();
  });

  it('is closed to others when it was left open by an earlier version', async () => {
    root = mkdtempSync(join(tmpdir(), 'twostep-mode-'));
    const file = join(root, 'twostep.db');
    writeFileSync(file, '', { mode: 0o644 });
    const { db } = openDatabase(`sqlite:${file}`);
    expect(mode(file)).toBe(0o600);
    await db.destroy();
  });
});
