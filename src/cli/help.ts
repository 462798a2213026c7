import type { Command } from './command.js';

const usageLine = (command: Command) =>
  ['twostep', ...command.path, ...command.operands, Object.keys(command.options).length ? '[options]' : '']
    .filter(Boolean)
    .join(' ');

function commandList(commands: Command[]): string[] {
  const names = commands.map((c) => [...c.path, ...c.operands].join(' '));
  const width = Math.max(...names.map((n) => n.length));
  return commands.map((c, i) => `  ${names[i]!.padEnd(width)}   ${c.summary}`);
}

/** `twostep --help`, or the help of a group such as `twostep user --help`. */
export function overviewHelp(commands: Command[], group?: string): string {
  const shown = group ? commands.filter((c) => c.path[0] === group) : commands;
  return [
    'Twostep: self-hosted sign-in with two-factor authentication. Operator commands.',
    '',
    `Usage: twostep ${group ? `${group} ` : ''}<command> [options]`,
    '',
    'Commands:',
    ...commandList(shown),
    '',
    `Run 'twostep ${group ? `${group} ` : ''}<command> --help' for a command's options.`,
    'The configuration comes from the environment, as for the server (TWOSTEP_DATA_DIR,',
    'TWOSTEP_DATABASE_URL, TWOSTEP_SECRET_KEY, …), so the commands work on the same database',
    'with the same keys.',
    'Exit codes: 0 done, 1 the operation failed, 2 wrong command line or configuration.',
    '',
  ].join('\n');
}

/** `twostep <command> --help`. */
export function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, o]) => [
    `--${name}${o.value ? ` ${o.value}` : ''}${o.short ? `, -${o.short}` : ''}`,
    o.description,
  ]);
  options.push(['--help, -h', 'Show this help']);
  const width = Math.max(...options.map(([flag]) => flag!.length));
  return [
    `Usage: ${usageLine(command)}`,
    '',
    `${command.summary}.`,
    ...command.details,
    '',
    'Options:',
    ...options.map(([flag, text]) => `  ${flag!.padEnd(width)}   ${text}`),
    '',
  ].join('\n');
}
