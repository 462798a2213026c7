import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/** STYLE.md's dependency rule: the core and the factor algorithms stay pure (no I/O, no framework). */
const forbidden =
  /from '(hono|kysely|pg|ioredis|nodemailer|better-sqlite3|pino|node:fs|node:net|node:http|node:https|node:child_process|node:dgram)[/'"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
  });
}

it.each(['src/core', 'src/factors'])('%s imports no I/O module or framework', (dir) => {
  const offenders = sourceFiles(dir).filter((file) => forbidden.test(readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});

it('only the composition root and the CLI wire concrete adapters', () => {
  const offenders = sourceFiles('src/app').filter((file) =>
    /from '\.\.\/(\.\.\/)?adapters\//.test(readFileSync(file, 'utf8')),
  );
  expect(offenders).toEqual([]);
});
