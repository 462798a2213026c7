import { describe, expect, it } from 'vitest';
import { cliWorkspace } from '../../test/support/cli.js';
import { password } from '../../test/support/seed-user.js';

describe('twostep org', () => {
  const { run, withServer } = cliWorkspace('twostep-cli-org-');

  it('creates an organization, lists it and adds a member, on the server database', async () => {
    for (const email of ['ann@example.com', 'bob@example.com'])
      expect((await run(['user', 'add', email], `${password}\n`)).code).toBe(0);

    const created = await run(['org', 'create', 'Mail-IT-Wize', '--owner', 'ann@example.com']);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const id = created.stdout.match(/\(id (\S+)\)/)?.[1];
    expect(created.stdout).toBe(`Created the organization Mail-IT-Wize (id ${id}), owner ann@example.com.\n`);

    const added = await run(['org', 'add-member', id!, 'bob@example.com', '--role', 'admin']);
    expect(added).toMatchObject({ code: 0, stdout: 'Added bob@example.com to Mail-IT-Wize as admin.\n' });
    const again = await run(['org', 'add-member', id!, 'bob@example.com', '--role', 'owner']);
    expect(again.stdout).toContain('already a member');

    const listed = await run(['org', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /^NAME\s+ID\s+CREATED\s+MEMBERS\s+OWNERS\nMail-IT-Wize\s+\S+\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+2\s+ann@example\.com\n$/,
    );

    await withServer(async ({ deps }) => {
      const bob = await deps.store.users.findByEmail('bob@example.com');
      expect(await deps.store.organizations.membershipsOfUser(bob!.id)).toEqual([
        { organizationId: id, organizationName: 'Mail-IT-Wize', role: 'admin' },
      ]);
      const trail = await deps.store.audit.listForUser(bob!.id, 5);
      expect(trail.map((e) => e.type)).toContain('organization_member_added');
    });
  });

  it('refuses a wrong command line with exit code 2, and unknown accounts or organizations with 1', async () => {
    expect((await run(['org', 'create', 'Acme'])).code).toBe(2);
    expect((await run(['org', 'create', '   ', '--owner', 'ann@example.com'])).code).toBe(2);
    expect((await run(['org', 'add-member', 'x', 'bob@example.com', '--role', 'root'])).code).toBe(2);
    const noOwner = await run(['org', 'create', 'Acme', '--owner', 'nobody@example.com']);
    expect(noOwner).toMatchObject({
      code: 1,
      stderr: 'error: No account with the address nobody@example.com.\n',
    });
    const noOrg = await run(['org', 'add-member', 'nope', 'nobody@example.com']);
    expect(noOrg).toMatchObject({ code: 1, stderr: 'error: No such organization\n' });
    expect((await run(['org', 'list'])).stdout).toBe('No organizations yet.\n');
  });

  it('explains each org command with --help', async () => {
    const help = await run(['org', 'create', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--owner EMAIL');
    expect((await run(['org', 'add-member', '--help'])).stdout).toContain('--role R');
    expect((await run(['--help'])).stdout).toMatch(/org create[\s\S]*org list[\s\S]*org add-member/);
  });
});
