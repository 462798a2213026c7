import { setStaffRole } from '../../app/support/staff-actions.js';
import { maxReasonLength, requestTwoFactorReset } from '../../app/support/two-factor-reset.js';
import { DomainError } from '../../core/errors.js';
import type { StaffRole } from '../../core/types.js';
import { type Command, cliContext, exitCodes, UsageError } from '../command.js';
import { withServer } from '../with-server.js';

const roles: Record<string, StaffRole | null> = { support: 'support', operator: 'operator', none: null };

export const userRoleCommand: Command = {
  path: ['user', 'role'],
  operands: ['EMAIL', 'ROLE'],
  summary: 'Give an account a staff role for the support console, or take it away',
  details: [
    'ROLE is support, operator or none. Support staff find users, see their 2FA methods (never',
    'their secrets), sessions and history, sign them out, disable them and reset their 2FA.',
    'Operators may do all of that and more. Staff sign in like anyone else, with their own 2FA.',
    'Recorded in the audit log.',
  ],
  options: {},
  async run({ positionals }, io) {
    const email = positionals[0]!;
    const word = positionals[1]!.toLowerCase();
    if (!(word in roles))
      throw new UsageError(`ROLE must be support, operator or none, not ${positionals[1]}`);
    const role = roles[word]!;
    await withServer(io, ({ deps }) => setStaffRole(deps, { email, role, context: cliContext }));
    io.stdout.write(role ? `${email} is now ${role} staff.\n` : `${email} no longer has a staff role.\n`);
    return exitCodes.ok;
  },
};

export const userResetTwoFactorCommand: Command = {
  path: ['user', 'reset-2fa'],
  operands: ['EMAIL'],
  summary: "Reset an account's 2FA after the waiting period (seed 004: lost every method)",
  details: [
    'Removes every sign-in method and recovery code and signs the account out everywhere, so',
    'the user sets 2FA up again. It never shows or sets a factor or the password. The user is',
    'told on every channel they have and can cancel it until TWOSTEP_2FA_RESET_DELAY_HOURS',
    '(default 24) have passed; --now skips the wait. Check who asked before you run it.',
  ],
  options: {
    reason: { type: 'string', value: 'TEXT', description: 'Why, and how you checked who asked (required)' },
    now: { type: 'boolean', description: 'Take effect at once instead of after the waiting period' },
  },
  async run({ values, positionals }, io) {
    const email = positionals[0]!;
    const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
    if (!reason) throw new UsageError('--reason is required: say why, and how you checked who asked.');
    if (reason.length > maxReasonLength)
      throw new UsageError(`--reason is longer than ${maxReasonLength} characters.`);
    const reset = await withServer(io, async ({ deps }) => {
      const user = await deps.store.users.findByEmail(email);
      if (!user) throw new DomainError('not_found', `No account for ${email}`);
      return requestTwoFactorReset(deps, {
        actor: null,
        userId: user.id,
        reason,
        context: cliContext,
        now: values.now === true,
      });
    });
    io.stdout.write(
      reset.status === 'done'
        ? `Reset 2FA of ${email}: its methods and recovery codes are gone and its sessions ended. The user was notified.\n`
        : `Reset of ${email}'s 2FA takes effect at ${reset.effectiveAt.toISOString()} unless the user cancels it. The user was notified.\n`,
    );
    return exitCodes.ok;
  },
};
