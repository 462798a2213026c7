import { describe, expect, it } from 'vitest';
import { cliWorkspace, runOnBuffers } from '../../test/support/cli.js';
import { password } from '../../test/support/seed-user.js';

describe('twostep CLI', () => {
  // Sign-up closed: the operator adds accounts anyway.
  const cli = cliWorkspace('twostep-cli-', { TWOSTEP_SIGNUP: 'closed' });
  const { run } = cli;

  function signInOverHttp(cookie?: string) {
    return cli.withServer(async ({ app }) => {
      const signIn = await app.request('http://localhost:3000/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ann@example.com', password }),
      });
      const token = /twostep_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1];
      const me = cookie
        ? await app.request('http://localhost:3000/api/v1/me', {
            headers: { cookie: `twostep_session=${cookie}` },
          })
        : null;
      return { status: signIn.status, body: await signIn.json(), token, meStatus: me?.status };
    });
  }

  it('adds, lists, disables (ending sessions) and enables an account on the server database', async () => {
    const added = await run(['user', 'add', 'ann@example.com'], `${password}\n`);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(/^Created the account ann@example\.com \(id \S+\)\.\n$/);

    const listed = await run(['user', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /^EMAIL\s+ID\s+CREATED\s+STATUS\s+2FA\s+STAFF\nann@example\.com\s+\S+\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+active\s+off\s+-\n$/,
    );

    const before = await signInOverHttp();
    expect(before.status).toBe(200);

    const disabled = await run(['user', 'disable', 'ann@example.com']);
    expect(disabled.code).toBe(0);
    expect((await run(['user', 'list'])).stdout).toMatch(/ann@example\.com.*disabled/);
    const refused = await signInOverHttp(before.token);
    expect(refused.meStatus).toBe(401);
    expect(refused).toMatchObject({ status: 403, body: { code: 'account_disabled' } });

    expect((await run(['user', 'enable', 'ann@example.com'])).code).toBe(0);
    expect((await signInOverHttp()).status).toBe(200);
  });

  it('refuses a weak password with the policy message and creates nothing', async () => {
    const weak = await run(['user', 'add', 'ann@example.com'], 'password\n');
    expect(weak).toMatchObject({ code: 1, stdout: '' });
    expect(weak.stderr).toBe('error: This password is too common and easy to guess. Choose another one.\n');
    expect((await run(['user', 'add', 'ann@example.com'], 'short\n')).stderr).toMatch(
      /Use at least 8 characters/,
    );
    expect((await run(['user', 'list'])).stdout).toBe('No accounts yet.\n');
  });

  it('says so when the account exists or is unknown', async () => {
    await run(['user', 'add', 'ann@example.com'], password);
    const again = await run(['user', 'add', 'ANN@example.com'], password);
    expect(again).toMatchObject({ code: 1, stderr: 'error: ANN@example.com already has an account.\n' });
    const unknown = await run(['user', 'disable', 'bob@example.com']);
    expect(unknown).toMatchObject({ code: 1, stderr: 'error: No account for bob@example.com\n' });
  });

  it('pages the list with --limit and --offset', async () => {
    for (const name of ['ann', 'bea', 'cid']) await run(['user', 'add', `${name}@example.com`], password);
    const first = await run(['user', 'list', '--limit', '2']);
    expect(first.stdout).toMatch(/ann@.*\nbea@.*\n\(first 2 shown; --offset 2 for more\)\n$/);
    const rest = await run(['user', 'list', '--limit', '2', '--offset', '2']);
    expect(rest.stdout.split('\n').filter((l) => l.includes('@'))).toHaveLength(1);
    expect(rest.stdout).toContain('cid@example.com');
  });

  it('prints help and exits 0; a wrong command line exits 2 and points to --help', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    for (const words of [
      'serve',
      'migrate',
      'user add EMAIL',
      'user list',
      'user disable EMAIL',
      'user enable EMAIL',
    ]) {
      expect(help.stdout).toContain(words);
    }
    expect(await run(['user', 'add', '--help'])).toMatchObject({ code: 0, stderr: '' });
    expect((await run(['help', 'user', 'list'])).stdout).toContain('--limit N');

    expect(await run(['frobnicate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("'frobnicate'"),
    });
    expect(await run(['user'])).toMatchObject({ code: 2, stderr: expect.stringContaining('user add') });
    expect(await run(['user', 'add'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Missing EMAIL'),
    });
    expect(await run(['user', 'list', '--limit', '0'])).toMatchObject({ code: 2 });
    expect((await run(['user', 'list', '--bogus'])).stderr).toBe(
      "error: Unknown option '--bogus'.\nRun 'twostep user list --help' for usage.\n",
    );
  });

  it('reports bad configuration with exit code 2', async () => {
    const bad = await runOnBuffers(['user', 'list'], { ...cli.env, TWOSTEP_DATABASE_URL: 'mysql://x' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('TWOSTEP_DATABASE_URL');
  });

  it('runs migrations once and says which ran', async () => {
    const first = await run(['migrate']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied 0001_accounts_and_sessions\n/);
    expect((await run(['migrate'])).stdout).toBe('The sqlite database is up to date: no migration to run.\n');
  });
});
