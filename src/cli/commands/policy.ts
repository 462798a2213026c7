import {
  inputFromPolicy,
  type PolicyInput,
  policyLimits,
  policyOfScope,
  setGlobalPolicy,
  setOrganizationPolicyAsOperator,
} from '../../app/policy/set-policy.js';
import { emptyPolicy, type PolicyMethod, type StoredPolicy } from '../../core/policy/policy.js';
import { instantToZonedTime, isTimeZone } from '../../core/policy/zoned-time.js';
import { isMethodType, methodTypes } from '../../factors/registry.js';
import { type CliIo, type Command, cliContext, exitCodes, type ParsedArgs, UsageError } from '../command.js';
import { withServer } from '../with-server.js';

const orgOption = {
  type: 'string',
  value: 'ORG',
  description: "An organization's id (see `twostep org list`); without it, the global policy",
} as const;

function scopeOf(values: ParsedArgs['values']): string {
  const org = values.org;
  if (org === undefined) return 'global';
  if (typeof org !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(org))
    throw new UsageError('--org must be an organization id.');
  return org;
}

/** `none` clears a number; anything else must be a whole number in range. */
function numberOrNone(value: unknown, name: string, min: number, max: number, current: number | null) {
  if (value === undefined) return current;
  if (value === 'none') return null;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, or none.`);
  return n;
}

function methods(value: unknown, current: PolicyMethod[] | null): PolicyMethod[] | null {
  if (value === undefined) return current;
  if (value === 'all') return null;
  const listed = String(value)
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  if (listed.length === 0 || !listed.every(isMethodType))
    throw new UsageError(
      `--allowed-methods must list ${methodTypes.slice(0, -1).join(', ')} or ${methodTypes.at(-1)}, separated by commas, or be all.`,
    );
  return listed;
}

function flag(values: ParsedArgs['values'], yes: string, no: string, current: boolean): boolean {
  if (values[yes] && values[no]) throw new UsageError(`Give --${yes} or --${no}, not both.`);
  return values[yes] ? true : values[no] ? false : current;
}

/** The options given, applied over the scope's current policy: what is not named stays as it was. */
function changedInput(values: ParsedArgs['values'], current: PolicyInput): PolicyInput {
  const requiredFrom = values['required-from'];
  const timeZone = values['time-zone'];
  if (timeZone !== undefined && (typeof timeZone !== 'string' || !isTimeZone(timeZone)))
    throw new UsageError('--time-zone must be an IANA time zone, such as Europe/Amsterdam.');
  if (
    requiredFrom !== undefined &&
    requiredFrom !== 'none' &&
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(String(requiredFrom))
  )
    throw new UsageError('--required-from must be a local date and time, YYYY-MM-DDTHH:mm, or none.');
  return {
    requiredFrom:
      requiredFrom === undefined
        ? current.requiredFrom
        : requiredFrom === 'none'
          ? null
          : String(requiredFrom),
    timeZone: typeof timeZone === 'string' ? timeZone : current.timeZone,
    allowedMethods: methods(values['allowed-methods'], current.allowedMethods),
    backupRequired: flag(values, 'backup-required', 'no-backup-required', current.backupRequired),
    recoveryCodesCountAsBackup: !flag(
      values,
      'recovery-codes-not-backup',
      'recovery-codes-backup',
      !current.recoveryCodesCountAsBackup,
    ),
    maxRememberDeviceDays: numberOrNone(
      values['max-remember-days'],
      'max-remember-days',
      0,
      policyLimits.maxRememberDeviceDays,
      current.maxRememberDeviceDays,
    ),
    sudoMinutes: numberOrNone(
      values['sudo-minutes'],
      'sudo-minutes',
      1,
      policyLimits.sudoMinutes,
      current.sudoMinutes,
    ),
  };
}

function describePolicy(policy: StoredPolicy): string {
  const deadline =
    policy.requiredFrom && policy.timeZone
      ? `${instantToZonedTime(policy.requiredFrom, policy.timeZone)} ${policy.timeZone} (${policy.requiredFrom.toISOString()})`
      : 'not required';
  const lines: Array<[string, string]> = [
    ['Scope', policy.scope],
    ['Required from', deadline],
    [
      'Allowed methods',
      `${policy.allowedMethods?.join(', ') ?? 'all'} (recovery codes are always allowed as a backup)`,
    ],
    [
      'Backup required',
      policy.backupRequired
        ? `yes${policy.recoveryCodesCountAsBackup ? ', recovery codes count' : ', recovery codes do not count'}`
        : 'no',
    ],
    [
      'Max remember days',
      policy.maxRememberDeviceDays === null ? 'server setting' : String(policy.maxRememberDeviceDays),
    ],
    ['Sudo minutes', policy.sudoMinutes === null ? 'server setting' : String(policy.sudoMinutes)],
    ['Updated', policy.updatedAt.toISOString()],
  ];
  return `${lines.map(([label, value]) => `${`${label}:`.padEnd(19)}${value}`).join('\n')}\n`;
}

export const policySetCommand: Command = {
  path: ['policy', 'set'],
  operands: [],
  summary: 'Set the global or an organization’s two-factor policy',
  details: [
    'Changes only what the options name; the rest of the policy stays as it was. From the date in',
    '--required-from (a local time in --time-zone), users without 2FA who sign in can only set it up.',
    'For a user in several scopes the strictest rule wins. Recorded in the audit log.',
    'Example: twostep policy set --required-from 2026-07-01T00:00 --time-zone Europe/Amsterdam',
    '           --allowed-methods totp,sms --backup-required --max-remember-days 7 --sudo-minutes 5',
  ],
  options: {
    org: orgOption,
    'required-from': { type: 'string', value: 'DATETIME', description: 'YYYY-MM-DDTHH:mm, or none' },
    'time-zone': { type: 'string', value: 'ZONE', description: 'IANA zone of the date (default UTC)' },
    'allowed-methods': { type: 'string', value: 'LIST', description: 'totp,email,sms,voice, or all' },
    'backup-required': { type: 'boolean', description: 'Require a backup method' },
    'no-backup-required': { type: 'boolean', description: 'Do not require a backup method' },
    'recovery-codes-not-backup': {
      type: 'boolean',
      description: 'Recovery codes do not count as the backup',
    },
    'recovery-codes-backup': { type: 'boolean', description: 'Recovery codes count as the backup (default)' },
    'max-remember-days': {
      type: 'string',
      value: 'N',
      description: 'Longest "remember this device", or none',
    },
    'sudo-minutes': { type: 'string', value: 'N', description: 'Sudo window in minutes (1 to 60), or none' },
  },
  async run({ values }, io: CliIo) {
    const scope = scopeOf(values);
    return withServer(io, async ({ deps }) => {
      const stored = await policyOfScope(deps, scope);
      const input = changedInput(values, inputFromPolicy(stored ?? emptyPolicy));
      const saved =
        scope === 'global'
          ? await setGlobalPolicy(deps, input, cliContext)
          : await setOrganizationPolicyAsOperator(deps, scope, input, cliContext);
      io.stdout.write(describePolicy(saved));
      return exitCodes.ok;
    });
  },
};

export const policyShowCommand: Command = {
  path: ['policy', 'show'],
  operands: [],
  summary: 'Show the global or an organization’s two-factor policy',
  details: ['Prints the policy as it is stored for that scope; exit code 1 when the scope has none.'],
  options: { org: orgOption },
  async run({ values }, io) {
    const scope = scopeOf(values);
    return withServer(io, async ({ deps }) => {
      const policy = await policyOfScope(deps, scope);
      if (!policy) {
        io.stderr.write(
          `No policy is set for ${scope === 'global' ? 'the global scope' : `organization ${scope}`}.\n`,
        );
        return exitCodes.failed;
      }
      io.stdout.write(describePolicy(policy));
      return exitCodes.ok;
    });
  },
};
