import { describe, expect, it } from 'vitest';
import { cliWorkspace, runOnBuffers } from '../../test/support/cli.js';
import { password } from '../../test/support/seed-user.js';
import { commands } from './commands/index.js';

describe('every CLI output', () => {
  const cli = cliWorkspace('twostep-cli-');

  it('ends with a newline, on stdout and stderr, whatever the command and outcome', async () => {
    const { run } = cli;
    const outcomes = [
      await run([]),
      await run(['--help']),
      await run(['help', 'user']),
      await run(['user']),
      await run(['user', '--help']),
      await run(['user', 'frob']),
      await run(['frob']),
      await run(['user', 'list']),
      await run(['user', 'add', 'ann@example.com'], `${password}\n`),
      await run(['user', 'add', 'bob@example.com'], 'short\n'),
      await run(['user', 'add', 'bob@example.com'], ''),
      await run(['user', 'list']),
      await run(['user', 'list', '--limit', '1']),
      await run(['user', 'list', '--offset', '5']),
      await run(['user', 'list', '--limit', 'x']),
      await run(['user', 'disable', 'nobody@example.com']),
      await run(['user', 'role', 'ann@example.com', 'support']),
      await run(['user', 'reset-2fa', 'ann@example.com', '--reason', 'x']),
      await run(['user', 'cancel-reset', 'ann@example.com']),
      await run(['org', 'list']),
      await run(['org', 'create', 'Acme', '--owner', 'ann@example.com']),
      await run(['policy', 'show']),
      await run(['policy', 'set', '--sudo-minutes', '5']),
      await run(['policy', 'set', '--sudo-minutes', '500']),
      await run(['migrate']),
      await run(['keys', 'rotate']),
      await runOnBuffers(['user', 'list'], { ...cli.env, TWOSTEP_DATABASE_URL: 'mysql://x' }),
      ...(await Promise.all(commands.map((c) => run([...c.path, '--help'])))),
    ];
    for (const { stdout, stderr } of outcomes) {
      if (stdout) expect(stdout).toMatch(/\n$/);
      if (stderr) expect(stderr).toMatch(/\n$/);
      // Something is always said.
      expect(stdout + stderr).not.toBe('');
    }
  });
});

describe('runCli', () => {
  it('ends a line a command left open, and adds nothing to one that ended', async () => {
    const { runCli } = await import('./run-cli.js');
    const { commands } = await import('./commands/index.js');
    let stdout = '';
    const io = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: () => true },
      stdin: process.stdin,
      env: {},
    };
    const open = {
      path: ['say-open'],
      operands: [],
      summary: 'x',
      details: [],
      options: {},
      run: async (_: unknown, out: typeof io) => {
        out.stdout.write('no newline');
        return 0;
      },
    };
    commands.push(open);
    try {
      expect(await runCli(['say-open'], io)).toBe(0);
      expect(stdout).toBe('no newline\n');
      stdout = '';
      await runCli(['--help'], io);
      expect(stdout).toMatch(/[^\n]\n$/);
    } finally {
      commands.pop();
    }
  });
});
