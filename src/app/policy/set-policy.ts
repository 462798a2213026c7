import { DomainError } from '../../core/errors.js';
import type { PolicyMethod, StoredPolicy, TwoFactorPolicy } from '../../core/policy/policy.js';
import { instantToZonedTime, zonedTimeToInstant } from '../../core/policy/zoned-time.js';
import type { RequestContext } from '../../core/types.js';
import { isMethodType, methodTypes } from '../../factors/registry.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';

/** A policy as people write it: the deadline as a local date and time in a named zone. */
export interface PolicyInput {
  /** `YYYY-MM-DDTHH:mm` in `timeZone`; null: 2FA is not required by this scope. */
  requiredFrom: string | null;
  timeZone: string;
  /** null: every method. */
  allowedMethods: PolicyMethod[] | null;
  backupRequired: boolean;
  recoveryCodesCountAsBackup: boolean;
  maxRememberDeviceDays: number | null;
  sudoMinutes: number | null;
}

/** Longest periods a policy may name; it exists to shorten the server's, never to stretch them. */
export const policyLimits = { maxRememberDeviceDays: 365, sudoMinutes: 60 } as const;

/** Checks the input field by field and turns the local deadline into the instant it names. */
export function policyFromInput(input: PolicyInput): TwoFactorPolicy {
  const requiredFrom =
    input.requiredFrom === null ? null : zonedTimeToInstant(input.requiredFrom, input.timeZone);
  if (input.requiredFrom !== null && !requiredFrom)
    throw new DomainError('invalid_input', 'requiredFrom must be YYYY-MM-DDTHH:mm in a valid IANA time zone');
  const allowed = input.allowedMethods;
  if (allowed !== null && (allowed.length === 0 || allowed.some((m) => !isMethodType(m))))
    throw new DomainError(
      'invalid_input',
      `allowedMethods must name one or more of ${methodTypes.join(', ')}`,
    );
  const days = input.maxRememberDeviceDays;
  if (days !== null && (!Number.isInteger(days) || days < 0 || days > policyLimits.maxRememberDeviceDays))
    throw new DomainError('invalid_input', 'maxRememberDeviceDays must be a whole number from 0 to 365');
  const minutes = input.sudoMinutes;
  if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > policyLimits.sudoMinutes))
    throw new DomainError('invalid_input', 'sudoMinutes must be a whole number from 1 to 60');
  return {
    requiredFrom,
    timeZone: requiredFrom ? input.timeZone : null,
    allowedMethods: allowed === null ? null : methodTypes.filter((m) => allowed.includes(m)),
    backupRequired: input.backupRequired,
    recoveryCodesCountAsBackup: input.recoveryCodesCountAsBackup,
    maxRememberDeviceDays: days,
    sudoMinutes: minutes,
  };
}

async function savePolicy(
  deps: AppDeps,
  scope: string,
  input: PolicyInput,
  audit: { userId: string | null; context: RequestContext },
): Promise<StoredPolicy> {
  const now = deps.clock.now();
  const stored: StoredPolicy = { ...policyFromInput(input), scope, updatedAt: now };
  await deps.store.transaction(async (tx) => {
    await tx.policies.put(stored);
    await recordAudit(tx, deps.random, now, {
      ...audit,
      type: 'policy_changed',
      detail: {
        scope,
        requiredFrom: stored.requiredFrom?.toISOString() ?? null,
        timeZone: stored.timeZone,
        allowedMethods: stored.allowedMethods?.join(',') ?? 'all',
        backupRequired: stored.backupRequired,
      },
    });
  });
  return stored;
}

/** The operator's policy for every user; from the CLI, which runs with the operator's authority. */
export function setGlobalPolicy(deps: AppDeps, input: PolicyInput, context: RequestContext) {
  return savePolicy(deps, 'global', input, { userId: null, context });
}

/** The operator sets any organization's policy from the CLI; an unknown organization is `not_found`. */
export async function setOrganizationPolicyAsOperator(
  deps: AppDeps,
  organizationId: string,
  input: PolicyInput,
  context: RequestContext,
) {
  if (!(await deps.store.organizations.findById(organizationId))) throw new DomainError('not_found');
  return savePolicy(deps, organizationId, input, { userId: null, context });
}

/** A stored policy as input again: what `policy set` changes when given only some options. */
export function inputFromPolicy(policy: TwoFactorPolicy): PolicyInput {
  return {
    requiredFrom:
      policy.requiredFrom && policy.timeZone
        ? instantToZonedTime(policy.requiredFrom, policy.timeZone)
        : null,
    timeZone: policy.timeZone ?? 'UTC',
    allowedMethods: policy.allowedMethods,
    backupRequired: policy.backupRequired,
    recoveryCodesCountAsBackup: policy.recoveryCodesCountAsBackup,
    maxRememberDeviceDays: policy.maxRememberDeviceDays,
    sudoMinutes: policy.sudoMinutes,
  };
}

/**
 * An organization's policy: owners and admins only, in sudo mode. Someone outside the organization
 * learns nothing of it (`not_found`); a plain member is told `forbidden`.
 */
export async function setOrganizationPolicy(
  deps: AppDeps,
  auth: Authenticated,
  input: { organizationId: string; policy: PolicyInput; context: RequestContext },
): Promise<StoredPolicy> {
  const role = await deps.store.organizations.roleOf(input.organizationId, auth.user.id);
  if (!role) throw new DomainError('not_found');
  if (role === 'member') throw new DomainError('forbidden');
  requireSudo(deps, auth);
  return savePolicy(deps, input.organizationId, input.policy, {
    userId: auth.user.id,
    context: input.context,
  });
}

/** The stored policy of one scope, or null. */
export async function policyOfScope(
  deps: Pick<AppDeps, 'store'>,
  scope: string,
): Promise<StoredPolicy | null> {
  return (await deps.store.policies.findForScopes([scope]))[0] ?? null;
}

/** An organization's own policy, for its members; someone outside learns nothing (`not_found`). */
export async function organizationPolicyFor(
  deps: Pick<AppDeps, 'store'>,
  auth: Authenticated,
  organizationId: string,
): Promise<StoredPolicy | null> {
  if (!(await deps.store.organizations.roleOf(organizationId, auth.user.id)))
    throw new DomainError('not_found');
  return policyOfScope(deps, organizationId);
}
