import { describe, expect, it } from 'vitest';
import { cliWorkspace } from '../../test/support/cli.js';
import { password } from '../../test/support/seed-user.js';

describe('twostep user reset-2fa on a reset that already waits, and user cancel-reset', () => {
  const { run, withServer } = cliWorkspace('twostep-cli-');

  async function annWithCodes() {
    await run(['user', 'add', 'ann@example.com'], `${password}\n`);
    return withServer(async ({ deps }) => {
      const ann = (await deps.store.users.findByEmail('ann@example.com'))!;
      await deps.store.recoveryCodes.replace(ann.id, ['hash-a', 'hash-b'], new Date());
      return ann.id;
    });
  }
  const reset = (...more: string[]) => run(['user', 'reset-2fa', 'ann@example.com', ...more]);

  it('without --now says when the waiting reset takes effect and both ways on, and changes nothing', async () => {
    const annId = await annWithCodes();
    expect((await reset('--reason', 'Ticket 4711')).code).toBe(0);
    const again = await reset('--reason', 'Ticket 4712');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /^error: A reset of ann@example\.com's 2FA is already waiting: it takes effect at \d{4}-.+Z\. Add --now to apply it at once, or cancel it first with 'twostep user cancel-reset ann@example\.com'\.\n$/,
    );
    await withServer(async ({ deps }) => {
      expect(await deps.store.recoveryCodes.countLeft(annId)).toBe(2);
    });
  });

  it('with --now applies the waiting reset at once, recording the second reason', async () => {
    const annId = await annWithCodes();
    await reset('--reason', 'Ticket 4711');
    const now = await reset('--reason', 'Video call, ID seen', '--now');
    expect(now).toMatchObject({ code: 0, stderr: '' });
    expect(now.stdout).toBe(
      'Applied the waiting reset of 2FA of ann@example.com: its methods and recovery codes are gone and its sessions ended. The user was notified.\n',
    );
    await withServer(async ({ deps }) => {
      expect(await deps.store.recoveryCodes.countLeft(annId)).toBe(0);
      expect(await deps.store.twoFactorResets.findPendingForUser(annId)).toBeNull();
      const trail = await deps.store.audit.listForUser(annId, 20);
      expect(trail.find((e) => e.type === 'two_factor_reset_shortened')?.detail).toMatchObject({
        actor: 'cli',
        reason: 'Video call, ID seen',
      });
      expect(trail.some((e) => e.type === 'two_factor_reset_completed')).toBe(true);
    });
  });

  it('cancel-reset stops a waiting reset, once; the methods stay', async () => {
    const annId = await annWithCodes();
    await reset('--reason', 'Ticket 4711');
    expect(await run(['user', 'cancel-reset', 'ann@example.com'])).toEqual({
      code: 0,
      stdout: "Cancelled the waiting reset of ann@example.com's 2FA. The user was notified.\n",
      stderr: '',
    });
    expect(await run(['user', 'cancel-reset', 'ann@example.com'])).toMatchObject({
      code: 1,
      stderr: 'error: No reset of two-step verification is waiting for this account.\n',
    });
    await withServer(async ({ deps }) => {
      expect(await deps.store.recoveryCodes.countLeft(annId)).toBe(2);
      const trail = await deps.store.audit.listForUser(annId, 20);
      expect(trail.find((e) => e.type === 'two_factor_reset_cancelled')?.detail).toMatchObject({
        via: 'staff',
        actor: 'cli',
      });
    });
    // With nothing waiting, --now is an ordinary reset at once.
    expect((await reset('--reason', 'Ticket 4713', '--now')).stdout).toMatch(
      /^Reset 2FA of ann@example\.com/,
    );
  });
});
