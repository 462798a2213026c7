import { cancelResetAsActor, shortenTwoFactorReset } from '../../app/support/reset-changes.js';
import {
  maxReasonLength,
  pendingResetFor,
  requestTwoFactorReset,
} from '../../app/support/two-factor-reset.js';
import { DomainError } from '../../core/errors.js';
import type { TwoFactorReset } from '../../core/two-factor/two-factor-reset.js';
import { type Command, cliContext, exitCodes, UsageError } from '../command.js';
import { type ComposedServer, withServer } from '../with-server.js';

async function userIdOf({ deps }: ComposedServer, email: string): Promise<string> {
  const user = await deps.store.users.findByEmail(email);
  if (!user) throw new DomainError('not_found', `No account for ${email}`);
  return user.id;
}

function readReason(values: Record<string, unknown>): string {
  const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
  if (!reason) throw new UsageError('--reason is required: say why, and how you checked who asked.');
  if (reason.length > maxReasonLength)
    throw new UsageError(`--reason is longer than ${maxReasonLength} characters.`);
  return reason;
}

/**
 * A new request, or, with --now while one waits, that one applied at once: the operator at the
 * terminal may cut the wait short, and says why a second time. Without --now a waiting reset is
 * an error that says both ways on.
 */
async function resetOrApply(server: ComposedServer, email: string, reason: string, now: boolean) {
  const { deps } = server;
  const userId = await userIdOf(server, email);
  const pending = await pendingResetFor(deps, userId);
  if (!pending) {
    const reset = await requestTwoFactorReset(deps, {
      actor: null,
      userId,
      reason,
      context: cliContext,
      now,
    });
    return { reset, applied: false };
  }
  if (!now) {
    // A sentence for the operator, not a domain code: it names the two ways on.
    throw new Error(
      `A reset of ${email}'s 2FA is already waiting: it takes effect at ${pending.effectiveAt.toISOString()}. ` +
        `Add --now to apply it at once, or cancel it first with 'twostep user cancel-reset ${email}'.`,
    );
  }
  const input = { actor: null, userId, reason, effectiveAt: deps.clock.now(), context: cliContext };
  return { reset: await shortenTwoFactorReset(deps, input), applied: true };
}

function outcome(email: string, { reset, applied }: { reset: TwoFactorReset; applied: boolean }): string {
  if (reset.status !== 'done') {
    return `Reset of ${email}'s 2FA takes effect at ${reset.effectiveAt.toISOString()} unless the user cancels it. The user was notified.\n`;
  }
  const what = applied ? 'Applied the waiting reset of' : 'Reset';
  return `${what} 2FA of ${email}: its methods and recovery codes are gone and its sessions ended. The user was notified.\n`;
}

export const userResetTwoFactorCommand: Command = {
  path: ['user', 'reset-2fa'],
  operands: ['EMAIL'],
  summary: "Reset an account's 2FA after the waiting period (the user lost every method)",
  details: [
    'Removes every sign-in method and recovery code and signs the account out everywhere, so',
    'the user sets 2FA up again. It never shows or sets a factor or the password. The user is',
    'told on every channel they have and can cancel it until TWOSTEP_2FA_RESET_DELAY_HOURS',
    '(default 24) have passed; --now skips the wait. Check who asked before you run it.',
    'When a reset already waits, --now applies that one at once (your reason is recorded with it);',
    "without --now the command stops and says so. 'twostep user cancel-reset EMAIL' stops it.",
  ],
  options: {
    reason: { type: 'string', value: 'TEXT', description: 'Why, and how you checked who asked (required)' },
    now: { type: 'boolean', description: 'Take effect at once instead of after the waiting period' },
  },
  async run({ values, positionals }, io) {
    const email = positionals[0]!;
    const reason = readReason(values);
    const done = await withServer(io, (server) => resetOrApply(server, email, reason, values.now === true));
    io.stdout.write(outcome(email, done));
    return exitCodes.ok;
  },
};

export const userCancelResetCommand: Command = {
  path: ['user', 'cancel-reset'],
  operands: ['EMAIL'],
  summary: "Cancel a reset of an account's 2FA that is still waiting",
  details: ['The sign-in methods stay as they are. The user is told by e-mail. Recorded in the audit log.'],
  options: {},
  async run({ positionals }, io) {
    const email = positionals[0]!;
    await withServer(io, async (server) => {
      const userId = await userIdOf(server, email);
      await cancelResetAsActor(server.deps, { actor: null, userId, context: cliContext });
    });
    io.stdout.write(`Cancelled the waiting reset of ${email}'s 2FA. The user was notified.\n`);
    return exitCodes.ok;
  },
};
