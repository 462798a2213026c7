import { setStaffRole } from '../../app/support/staff-actions.js';
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
