import { type Command, exitCodes } from '../command.js';
import { withServer } from '../with-server.js';
import { pagingOptions, readPaging, writePage } from './paging.js';

export const userListCommand: Command = {
  path: ['user', 'list'],
  operands: [],
  summary: 'List accounts, oldest first',
  details: ['Prints e-mail, id, creation time (UTC) and status, one account a line.'],
  options: pagingOptions('accounts'),
  async run({ values }, io) {
    const paging = readPaging(values);
    const users = await withServer(io, ({ deps }) => deps.store.users.list(paging));
    const rows = users.map((u) => [
      u.email,
      u.id,
      `${u.createdAt.toISOString().slice(0, 19)}Z`,
      u.disabledAt ? 'disabled' : 'active',
    ]);
    writePage(io, paging, 'accounts', ['EMAIL', 'ID', 'CREATED', 'STATUS'], rows);
    return exitCodes.ok;
  },
};
