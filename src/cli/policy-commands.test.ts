import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from './command.js';
import { runCli } from './run-cli.js';

const password = 'a calm lake at dawn';

async function run(argv: string[], env: NodeJS.ProcessEnv, stdinText = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([stdinText]),
    env,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe('twostep policy', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'twostep-cli-policy-'));
    env = { NODE_ENV: 'test', TWOSTEP_DATA_DIR: dataDir, TWOSTEP_LOG_LEVEL: 'silent' };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('sets the global policy, shows it, and changes only what is named', async () => {
    expect(await run(['policy', 'show'], env)).toMatchObject({
      code: 1,
      stderr: 'No policy is set for the global scope.\n',
    });
    const set = await run(
      [
        'policy',
        'set',
        '--required-from',
        '2026-07-01T00:00',
        '--time-zone',
        'Europe/Amsterdam',
        '--allowed-methods',
        'totp,sms',
        '--backup-required',
        '--max-remember-days',
        '7',
        '--sudo-minutes',
        '5',
      ],
      env,
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(
      'Required from:     2026-07-01T00:00 Europe/Amsterdam (2026-06-30T22:00:00.000Z)\n',
    );
    expect(set.stdout).toContain(
      'Allowed methods:   totp, sms (recovery codes are always allowed as a backup)\n',
    );
    expect(set.stdout).toContain('Backup required:   yes, recovery codes count\n');
    const changed = await run(['policy', 'set', '--no-backup-required', '--sudo-minutes', 'none'], env);
    expect(changed.stdout).toContain('Backup required:   no\n');
    expect(changed.stdout).toContain('Sudo minutes:      server setting\n');
    const shown = await run(['policy', 'show'], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('2026-07-01T00:00 Europe/Amsterdam');
    expect(shown.stdout).toContain('Max remember days: 7\n');
  });

  it('sets an organization’s policy, and refuses an unknown one', async () => {
    expect((await run(['user', 'add', 'ann@example.com'], env, `${password}\n`)).code).toBe(0);
    const created = await run(['org', 'create', 'Acme', '--owner', 'ann@example.com'], env);
    const id = created.stdout.match(/\(id (\S+)\)/)?.[1] ?? '';
    const set = await run(
      [
        'policy',
        'set',
        '--org',
        id,
        '--required-from',
        '2026-05-05T00:00',
        '--time-zone',
        'America/Sao_Paulo',
      ],
      env,
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(`Scope:             ${id}\n`);
    expect((await run(['policy', 'show', '--org', id], env)).stdout).toContain('2026-05-05T03:00:00.000Z');
    expect((await run(['policy', 'show'], env)).code).toBe(1);
    expect((await run(['policy', 'set', '--org', 'nope', '--sudo-minutes', '5'], env)).code).toBe(1);
  });

  it.each([
    [['--required-from', '1 July']],
    [['--time-zone', 'Mars/Olympus']],
    [['--allowed-methods', 'totp,pigeon']],
    [['--sudo-minutes', '0']],
    [['--max-remember-days', 'many']],
    [['--backup-required', '--no-backup-required']],
  ])('refuses %j with a usage error and changes nothing', async (args) => {
    const answer = await run(['policy', 'set', ...args], env);
    expect(answer.code).toBe(2);
    expect(answer.stderr).not.toBe('');
    expect((await run(['policy', 'show'], env)).code).toBe(1);
  });

  it('explains itself with --help', async () => {
    const help = await run(['policy', 'set', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--required-from DATETIME');
    expect(help.stdout).toContain('--backup-required');
    expect((await run(['policy', '--help'], env)).stdout).toContain('policy show');
  });
});
