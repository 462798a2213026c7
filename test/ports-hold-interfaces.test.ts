import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/**
 * A port says what the application needs, never how: no values, so nothing in src/ports runs.
 * Clocks and random sources live in the adapters, shared data and errors in the core.
 */
const runtimeCode = /^(export\s+(const|let|var|function|async|class|enum|default)\b|import\s+(?!type\b))/m;

it('src/ports declares types only', () => {
  const dir = 'src/ports';
  const offenders = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .filter((name) => runtimeCode.test(readFileSync(join(dir, name), 'utf8')));
  expect(offenders).toEqual([]);
});
