import { type Command, exitCodes, UsageError } from '../command.js';
import { formatTable } from '../format-table.js';
import { withServer } from '../with-server.js';

const maxLimit = 1000;

export const userListCommand: Command = {
  path: ['user', 'list'],
  operands: [],
  summary: 'List accounts, oldest first',
  details: ['Prints e-mail, id, creation time (UTC) and status, one account a line.'],
  options: {
    limit: {
      type: 'string',
      value: 'N',
      description: `At most N accounts (default 100, at most ${maxLimit})`,
    },
    offset: { type: 'string', value: 'N', description: 'Skip the first N accounts (default 0)' },
  },
  async run({ values }, io) {
    const limit = count(values.limit, 'limit', 100, 1, maxLimit);
    const offset = count(values.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const users = await withServer(io, ({ deps }) => deps.store.users.list({ limit, offset }));
    if (users.length === 0) {
      io.stdout.write(offset === 0 ? 'No accounts yet.\n' : `No accounts after the first ${offset}.\n`);
      return exitCodes.ok;
    }
    const rows = users.map((u) => [
      u.email,
      u.id,
      `${u.createdAt.toISOString().slice(0, 19)}Z`,
      u.disabledAt ? 'disabled' : 'active',
    ]);
    io.stdout.write(formatTable(['EMAIL', 'ID', 'CREATED', 'STATUS'], rows));
    if (users.length === limit) {
      io.stdout.write(`(first ${limit} shown; --offset ${offset + limit} for more)\n`);
    }
    return exitCodes.ok;
  },
};

function count(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  }
  return n;
}
