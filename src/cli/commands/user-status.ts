import { disableUser, enableUser } from '../../app/accounts/administer-users.js';
import { type Command, cliContext, exitCodes } from '../command.js';
import { withServer } from '../with-server.js';

export const userDisableCommand: Command = {
  path: ['user', 'disable'],
  operands: ['EMAIL'],
  summary: 'Disable an account and end its sessions at once',
  details: [
    'The account can no longer sign in, and every device it is signed in on is signed out',
    'now, not when its session would have timed out. Recorded in the audit log.',
  ],
  options: {},
  async run({ positionals }, io) {
    const email = positionals[0]!;
    await withServer(io, ({ deps }) => disableUser(deps, email, cliContext));
    io.stdout.write(`Disabled ${email}: it cannot sign in, and its sessions have ended.\n`);
    return exitCodes.ok;
  },
};

export const userEnableCommand: Command = {
  path: ['user', 'enable'],
  operands: ['EMAIL'],
  summary: 'Enable a disabled account',
  details: ['The account can sign in again with its password (and second factor, if it has one).'],
  options: {},
  async run({ positionals }, io) {
    const email = positionals[0]!;
    await withServer(io, ({ deps }) => enableUser(deps, email, cliContext));
    io.stdout.write(`Enabled ${email}: it can sign in again.\n`);
    return exitCodes.ok;
  },
};
