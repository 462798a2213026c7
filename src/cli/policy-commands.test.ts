import { describe, expect, it } from 'vitest';
import { cliWorkspace } from '../../test/support/cli.js';
import { password } from '../../test/support/seed-user.js';

describe('twostep policy', () => {
  const { run } = cliWorkspace('twostep-cli-policy-');

  it('sets the global policy, shows it, and changes only what is named', async () => {
    expect(await run(['policy', 'show'])).toMatchObject({
      code: 1,
      stderr: 'No policy is set for the global scope.\n',
    });
    const set = await run([
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
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(
      'Required from:     2026-07-01T00:00 Europe/Amsterdam (2026-06-30T22:00:00.000Z)\n',
    );
    expect(set.stdout).toContain(
      'Allowed methods:   totp, sms (recovery codes are always allowed as a backup)\n',
    );
    expect(set.stdout).toContain('Backup required:   yes, recovery codes count\n');
    const changed = await run(['policy', 'set', '--no-backup-required', '--sudo-minutes', 'none']);
    expect(changed.stdout).toContain('Backup required:   no\n');
    expect(changed.stdout).toContain('Sudo minutes:      server setting\n');
    const shown = await run(['policy', 'show']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('2026-07-01T00:00 Europe/Amsterdam');
    expect(shown.stdout).toContain('Max remember days: 7\n');
  });

  it('sets an organization’s policy, and refuses an unknown one', async () => {
    expect((await run(['user', 'add', 'ann@example.com'], `${password}\n`)).code).toBe(0);
    const created = await run(['org', 'create', 'Acme', '--owner', 'ann@example.com']);
    const id = created.stdout.match(/\(id (\S+)\)/)?.[1] ?? '';
    const set = await run([
      'policy',
      'set',
      '--org',
      id,
      '--required-from',
      '2026-05-05T00:00',
      '--time-zone',
      'America/Sao_Paulo',
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain(`Scope:             ${id}\n`);
    expect((await run(['policy', 'show', '--org', id])).stdout).toContain('2026-05-05T03:00:00.000Z');
    expect((await run(['policy', 'show'])).code).toBe(1);
    expect((await run(['policy', 'set', '--org', 'nope', '--sudo-minutes', '5'])).code).toBe(1);
  });

  it.each([
    [['--required-from', '1 July']],
    [['--time-zone', 'Mars/Olympus']],
    [['--allowed-methods', 'totp,pigeon']],
    [['--sudo-minutes', '0']],
    [['--max-remember-days', 'many']],
    [['--backup-required', '--no-backup-required']],
  ])('refuses %j with a usage error and changes nothing', async (args) => {
    const answer = await run(['policy', 'set', ...args]);
    expect(answer.code).toBe(2);
    expect(answer.stderr).not.toBe('');
    expect((await run(['policy', 'show'])).code).toBe(1);
  });

  it('explains itself with --help', async () => {
    const help = await run(['policy', 'set', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--required-from DATETIME');
    expect(help.stdout).toContain('--backup-required');
    expect((await run(['policy', '--help'])).stdout).toContain('policy show');
  });
});
