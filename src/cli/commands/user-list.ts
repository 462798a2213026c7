import { listUsersWithTwoFactor, type RosterEntry } from '../../app/support/user-roster.js';
import { type Command, exitCodes } from '../command.js';
import { withServer } from '../with-server.js';
import { pagingOptions, readPaging, writePage } from './paging.js';

const twoFactorCell = (entry: RosterEntry) =>
  entry.methodTypes.length === 0 ? 'off' : `on (${entry.methodTypes.join(', ')})`;

export const userListCommand: Command = {
  path: ['user', 'list'],
  operands: [],
  summary: 'List accounts, oldest first',
  details: [
    'Prints e-mail, id, creation time (UTC), status, two-step verification and staff role, one',
    'account a line. 2FA is "on" with the types of its confirmed methods (totp, email, sms, voice),',
    'or "off"; STAFF is support, operator or -.',
  ],
  options: pagingOptions('accounts'),
  async run({ values }, io) {
    const paging = readPaging(values);
    const entries = await withServer(io, ({ deps }) => listUsersWithTwoFactor(deps, paging));
    const rows = entries.map((entry) => [
      entry.user.email,
      entry.user.id,
      `${entry.user.createdAt.toISOString().slice(0, 19)}Z`,
      entry.user.disabledAt ? 'disabled' : 'active',
      twoFactorCell(entry),
      entry.staffRole ?? '-',
    ]);
    writePage(io, paging, 'accounts', ['EMAIL', 'ID', 'CREATED', 'STATUS', '2FA', 'STAFF'], rows);
    return exitCodes.ok;
  },
};
