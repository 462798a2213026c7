import { type CliIo, type CommandOption, UsageError } from '../command.js';
import { formatTable } from '../format-table.js';

const maxLimit = 1000;

/** The `--limit` and `--offset` options of a list command over `things` (e.g. "accounts"). */
export function pagingOptions(things: string): Record<'limit' | 'offset', CommandOption> {
  return {
    limit: {
      type: 'string',
      value: 'N',
      description: `At most N ${things} (default 100, at most ${maxLimit})`,
    },
    offset: { type: 'string', value: 'N', description: `Skip the first N ${things} (default 0)` },
  };
}

export interface Paging {
  limit: number;
  offset: number;
}

/** Reads `--limit` and `--offset`; a value out of range is a usage error, not a silent clamp. */
export function readPaging(values: Record<string, unknown>): Paging {
  return {
    limit: count(values.limit, 'limit', 100, 1, maxLimit),
    offset: count(values.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

/** Prints one page as a table, or says there is none; a full page points at the next `--offset`. */
export function writePage(
  io: CliIo,
  { limit, offset }: Paging,
  things: string,
  headers: string[],
  rows: string[][],
): void {
  if (rows.length === 0) {
    io.stdout.write(offset === 0 ? `No ${things} yet.\n` : `No ${things} after the first ${offset}.\n`);
    return;
  }
  io.stdout.write(formatTable(headers, rows));
  if (rows.length === limit) {
    io.stdout.write(`(first ${limit} shown; --offset ${offset + limit} for more)\n`);
  }
}

function count(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  }
  return n;
}
