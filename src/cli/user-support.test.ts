import { describe, expect, it } from 'vitest';
import { cliWorkspace } from '../../test/support/cli.js';
import { password } from '../../test/support/seed-user.js';

/** A confirmed authenticator method, straight in the store, as if set up earlier. */
const standInAuthenticator = (userId: string) => {
  const at = new Date();
  return {
    id: `stand-in-${userId}`,
    userId,
    type: 'totp',
    label: 'Phone',
    status: 'active' as const,
    secretSealed: null,
    destination: null,
    otp: null,
    lastUsedStep: null,
    createdAt: at,
    confirmedAt: at,
    lastUsedAt: null,
    pendingExpiresAt: null,
  };
};

describe('twostep user role and user reset-2fa', () => {
  const { run, withServer } = cliWorkspace('twostep-cli-');

  it('grants and takes away a staff role, which opens and closes the console API', async () => {
    await run(['user', 'add', 'sam@example.com'], `${password}\n`);
    // Staff need 2FA of their own for the console: Sam has an authenticator, set aside for the
    // password step below (the stand-in has no key to make codes with) and given back after it.
    const consoleStatus = () =>
      withServer(async ({ app, deps }) => {
        const sam = (await deps.store.users.findByEmail('sam@example.com'))!;
        await deps.store.methods.delete(standInAuthenticator(sam.id).id);
        const signIn = await app.request('http://localhost:3000/api/v1/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'sam@example.com', password }),
        });
        const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
        await deps.store.methods.create(standInAuthenticator(sam.id));
        return (
          await app.request('http://localhost:3000/api/v1/admin/users?email=sam%40example.com', {
            headers: { cookie },
          })
        ).status;
      });
    expect(await consoleStatus()).toBe(403);
    expect(await run(['user', 'role', 'sam@example.com', 'support'])).toMatchObject({
      code: 0,
      stdout: 'sam@example.com is now support staff.\n',
    });
    expect(await consoleStatus()).toBe(200);
    expect((await run(['user', 'role', 'sam@example.com', 'none'])).stdout).toBe(
      'sam@example.com no longer has a staff role.\n',
    );
    expect(await consoleStatus()).toBe(403);
    expect(await run(['user', 'role', 'sam@example.com', 'admin'])).toMatchObject({ code: 2 });
    expect(await run(['user', 'role', 'nobody@example.com', 'support'])).toMatchObject({
      code: 1,
      stderr: 'error: No account for nobody@example.com\n',
    });
  });

  it('resets 2FA after the waiting period, or at once with --now; a reason is required', async () => {
    await run(['user', 'add', 'ann@example.com'], `${password}\n`);
    const annId = await withServer(async ({ deps }) => {
      const ann = (await deps.store.users.findByEmail('ann@example.com'))!;
      await deps.store.recoveryCodes.replace(ann.id, ['hash-a', 'hash-b'], new Date());
      return ann.id;
    });
    expect(await run(['user', 'reset-2fa', 'ann@example.com'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--reason is required'),
    });
    const waiting = await run([
      'user',
      'reset-2fa',
      'ann@example.com',
      '--reason',
      'Ticket 4711, ID checked',
    ]);
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toMatch(/takes effect at \d{4}-\d\d-\d\dT.+ unless the user cancels it/);
    expect(await run(['user', 'reset-2fa', 'ann@example.com', '--reason', 'again'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already waiting'),
    });
    await withServer(async ({ deps }) => {
      expect(await deps.store.recoveryCodes.countLeft(annId)).toBe(2);
      const pending = (await deps.store.twoFactorResets.findPendingForUser(annId))!;
      await deps.store.twoFactorResets.close(pending.id, 'cancelled', new Date());
    });
    const now = await run(['user', 'reset-2fa', 'ann@example.com', '--reason', 'Ticket 4712', '--now']);
    expect(now.stdout).toContain('its methods and recovery codes are gone');
    await withServer(async ({ deps }) => {
      expect(await deps.store.recoveryCodes.countLeft(annId)).toBe(0);
      const trail = await deps.store.audit.listForUser(annId, 20);
      expect(trail.find((e) => e.type === 'two_factor_reset_requested')?.detail).toMatchObject({
        actor: 'cli',
      });
    });
    expect((await run(['user', 'reset-2fa', '--help'])).stdout).toContain('--reason TEXT');
  });
});

describe('twostep user list', () => {
  const { run, withServer } = cliWorkspace('twostep-cli-');

  it('shows whether 2FA is on, with which method types, and the staff role', async () => {
    await run(['user', 'add', 'ann@example.com'], `${password}\n`);
    await run(['user', 'add', 'bob@example.com'], `${password}\n`);
    await run(['user', 'role', 'bob@example.com', 'operator']);
    await withServer(async ({ deps }) => {
      const ann = (await deps.store.users.findByEmail('ann@example.com'))!;
      const at = new Date();
      const method = (id: string, type: string, status: 'active' | 'pending') => ({
        id,
        userId: ann.id,
        type,
        label: type,
        status,
        secretSealed: null,
        destination: type === 'sms' ? '+31612345678' : null,
        otp: null,
        lastUsedStep: null,
        createdAt: at,
        confirmedAt: status === 'active' ? at : null,
        lastUsedAt: null,
        pendingExpiresAt: null,
      });
      await deps.store.methods.create(method('m1', 'totp', 'active'));
      await deps.store.methods.create(method('m2', 'sms', 'active'));
      // A set-up never confirmed does not turn 2FA on.
      await deps.store.methods.create(method('m3', 'voice', 'pending'));
    });
    const listed = await run(['user', 'list']);
    expect(listed.code).toBe(0);
    const [header, ann, bob] = listed.stdout.split('\n');
    expect(header).toMatch(/STATUS\s+2FA\s+STAFF$/);
    expect(ann).toMatch(/^ann@example\.com\s.*active\s+on \(totp, sms\)\s+-$/);
    expect(bob).toMatch(/^bob@example\.com\s.*active\s+off\s+operator$/);
    expect(listed.stdout.endsWith('\n')).toBe(true);
  });
});
