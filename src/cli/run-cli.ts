import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { type DomainError, isDomainError } from '../core/errors.js';
import { catalogs, type MessageKey, translator } from '../i18n/translate.js';
import { type CliIo, type Command, exitCodes, Interrupted, type ParsedArgs, UsageError } from './command.js';
import { commands } from './commands/index.js';
import { commandHelp, overviewHelp } from './help.js';

const groups = new Set(commands.filter((c) => c.path.length > 1).map((c) => c.path[0]!));
const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h';

/**
 * Runs one command line (without `node` and the script) and returns the exit code. Whatever a
 * command wrote, each stream ends with a newline, so the shell's prompt never lands mid-line.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const stdout = lineEnding(io.stdout);
  const stderr = lineEnding(io.stderr);
  try {
    return await runCommand(argv, { ...io, stdout, stderr });
  } finally {
    stdout.finish();
    stderr.finish();
  }
}

/** A stream that remembers whether its last text ended a line, and ends it on `finish`. */
function lineEnding(stream: CliIo['stdout']) {
  let open = false;
  return {
    write(text: string) {
      if (text) open = !text.endsWith('\n');
      return stream.write(text);
    },
    finish() {
      if (open) stream.write('\n');
      open = false;
    },
  };
}

async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const command = commands.find((c) => c.path.every((word, i) => argv[i] === word));
  try {
    if (!command) return overview(argv, io);
    const args = parse(command, argv.slice(command.path.length));
    if (args.values.help) {
      io.stdout.write(commandHelp(command));
      return exitCodes.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    return report(error, io, command);
  }
}

/** No command matched: help when asked for, else a usage error naming what was not understood. */
function overview(argv: string[], io: CliIo): number {
  const [first, second] = argv;
  if (isHelp(first) || (first === 'help' && second === undefined)) {
    io.stdout.write(overviewHelp(commands));
    return exitCodes.ok;
  }
  if (first === 'help') return runHelpFor(argv.slice(1), io);
  if (first !== undefined && groups.has(first)) {
    if (isHelp(second)) {
      io.stdout.write(overviewHelp(commands, first));
      return exitCodes.ok;
    }
    io.stderr.write(
      `${second === undefined ? `Missing a ${first} command.` : `Unknown ${first} command '${second}'.`}\n\n`,
    );
    io.stderr.write(overviewHelp(commands, first));
    return exitCodes.usage;
  }
  io.stderr.write(first === undefined ? overviewHelp(commands) : `Unknown command '${first}'.\n`);
  if (first !== undefined) io.stderr.write("Run 'twostep --help' for the list of commands.\n");
  return exitCodes.usage;
}

/** `twostep help user add` is `twostep user add --help`. */
function runHelpFor(words: string[], io: CliIo): number {
  const command = commands.find(
    (c) => c.path.length === words.length && c.path.every((w, i) => words[i] === w),
  );
  if (command) io.stdout.write(commandHelp(command));
  else if (words.length === 1 && groups.has(words[0]!)) io.stdout.write(overviewHelp(commands, words[0]));
  else return overview(words, io);
  return exitCodes.ok;
}

function parse(command: Command, args: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, o]) => [
      name,
      o.short ? { type: o.type, short: o.short } : { type: o.type },
    ]),
  );
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's messages go on to explain `--`; the first sentence is what the operator needs.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message.split('. ')[0]!.replace(/\.$/, '')}.`);
  }
  if (parsed.values.help) return parsed;
  const { operands } = command;
  if (parsed.positionals.length < operands.length) {
    throw new UsageError(`Missing ${operands.slice(parsed.positionals.length).join(' ')}.`);
  }
  if (parsed.positionals.length > operands.length) {
    throw new UsageError(`Unexpected argument '${parsed.positionals[operands.length]}'.`);
  }
  return parsed;
}

function report(error: unknown, io: CliIo, command: Command | undefined): number {
  if (error instanceof UsageError) {
    const help = command ? `twostep ${command.path.join(' ')} --help` : 'twostep --help';
    io.stderr.write(`error: ${error.message}\nRun '${help}' for usage.\n`);
    return exitCodes.usage;
  }
  if (error instanceof ConfigError) {
    io.stderr.write(`${error.message}\n`);
    return exitCodes.usage;
  }
  if (error instanceof Interrupted) {
    io.stderr.write(`${error.message}\n`);
    return exitCodes.interrupted;
  }
  io.stderr.write(
    `error: ${isDomainError(error) ? describe(error) : String((error as Error)?.message ?? error)}\n`,
  );
  return exitCodes.failed;
}

const t = translator('en');

/** The words the product uses for a code; for a missing or existing account the use case's own, which name it. */
function describe(error: DomainError): string {
  if ((error.code === 'not_found' || error.code === 'conflict') && error.message !== error.code) {
    return error.message;
  }
  const key = `error.${error.code}`;
  if (!(key in catalogs.en)) return error.message;
  const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
  return t(key as MessageKey, { minutes });
}
