import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeServer } from '../compose.js';
import { loadConfig } from '../config.js';
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

describe('twostep org', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'twostep-cli-org-'));
    env = { NODE_ENV: 'test', TWOSTEP_DATA_DIR: dataDir, TWOSTEP_LOG_LEVEL: 'silent' };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates an organization, lists it and adds a member, on the server database', async () => {
    for (const email of ['ann@example.com', 'bob@example.com'])
      expect((await run(['user', 'add', email], env, `${password}\n`)).code).toBe(0);

    const created = await run(['org', 'create', 'Mail-IT-Wize', '--owner', 'ann@example.com'], env);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const id = created.stdout.match(/\(id (\S+)\)/)?.[1];
    expect(created.stdout).toBe(`Created the organization Mail-IT-Wize (id ${id}), owner ann@example.com.\n`);

    const added = await run(['org', 'add-member', id!, 'bob@example.com', '--role', 'admin'], env);
    expect(added).toMatchObject({ code: 0, stdout: 'Added bob@example.com to Mail-IT-Wize as admin.\n' });
    const again = await run(['org', 'add-member', id!, 'bob@example.com', '--role', 'owner'], env);
    expect(again.stdout).toContain('already a member');

    const listed = await run(['org', 'list'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /^NAME\s+ID\s+CREATED\s+MEMBERS\s+OWNERS\nMail-IT-Wize\s+\S+\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+2\s+ann@example\.com\n$/,
    );

    const server = await composeServer(loadConfig(env), { migrate: false });
    try {
      const bob = await server.deps.store.users.findByEmail('bob@example.com');
      expect(await server.deps.store.organizations.membershipsOfUser(bob!.id)).toEqual([
        { organizationId: id, organizationName: 'Mail-IT-Wize', role: 'admin' },
      ]);
      const trail = await server.deps.store.audit.listForUser(bob!.id, 5);
      expect(trail.map((e) => e.type)).toContain('organization_member_added');
    } finally {
      await server.close();
    }
  });

  it('refuses a wrong command line with exit code 2, and unknown accounts or organizations with 1', async () => {
    expect((await run(['org', 'create', 'Acme'], env)).code).toBe(2);
    expect((await run(['org', 'create', '   ', '--owner', 'ann@example.com'], env)).code).toBe(2);
    expect((await run(['org', 'add-member', 'x', 'bob@example.com', '--role', 'root'], env)).code).toBe(2);
    const noOwner = await run(['org', 'create', 'Acme', '--owner', 'nobody@example.com'], env);
    expect(noOwner).toMatchObject({
      code: 1,
      stderr: 'error: No account with the address nobody@example.com.\n',
    });
    const noOrg = await run(['org', 'add-member', 'nope', 'nobody@example.com'], env);
    expect(noOrg).toMatchObject({ code: 1, stderr: 'error: No such organization\n' });
    expect((await run(['org', 'list'], env)).stdout).toBe('No organizations yet.\n');
  });

  it('explains each org command with --help', async () => {
    const help = await run(['org', 'create', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--owner EMAIL');
    expect((await run(['org', 'add-member', '--help'], env)).stdout).toContain('--role R');
    expect((await run(['--help'], env)).stdout).toMatch(/org create[\s\S]*org list[\s\S]*org add-member/);
  });
});
