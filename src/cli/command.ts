/** Where a command reads and writes: the process's own streams in `main.ts`, buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  env: NodeJS.ProcessEnv;
}

export interface CommandOption {
  type: 'string' | 'boolean';
  short?: string;
  /** The placeholder shown in help for a string option, e.g. `N`. */
  value?: string;
  description: string;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** One operator command: its words, its help, its options, and what it does; returns the exit code. */
export interface Command {
  /** The words after `twostep`, e.g. `['user', 'add']`. */
  path: string[];
  /** The operands it takes, in order, e.g. `['EMAIL']`; each is required. */
  operands: string[];
  summary: string;
  /** Paragraph lines for `--help`: what happens, and what to know before running it. */
  details: string[];
  options: Record<string, CommandOption>;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Exit codes: 0 done, 1 the operation failed, 2 the command line or the configuration is wrong. */
export const exitCodes = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** A wrong command line: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The operator pressed Ctrl-C at a prompt: exit 130, as a shell reports SIGINT. */
export class Interrupted extends Error {
  override name = 'Interrupted';
}

/** Who acts, in the audit log: the operator at the console, not a network client. */
export const cliContext = { ip: 'cli', userAgent: 'twostep-cli', locale: 'en' } as const;
