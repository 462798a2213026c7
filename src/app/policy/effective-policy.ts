import { type EffectivePolicy, mergePolicies, type PolicySource } from '../../core/policy/merge-policies.js';
import { daysLeft, isTwoFactorRequired } from '../../core/policy/policy-rules.js';
import { methodTypes } from '../../factors/registry.js';
import type { Store } from '../../ports/store.js';
import type { AppDeps } from '../deps.js';
import { hasTwoFactor } from '../two-factor/two-factor-status.js';

/**
 * The policy that applies to a user: the global one merged with those of every organization the
 * user belongs to, strictest rule by rule, each rule naming the scope that set it.
 */
export async function effectivePolicyFor(deps: { store: Store }, userId: string): Promise<EffectivePolicy> {
  const { store } = deps;
  const memberships = await store.organizations.membershipsOfUser(userId);
  const names = new Map(memberships.map((m) => [m.organizationId, m.organizationName]));
  const stored = await store.policies.findForScopes(['global', ...names.keys()]);
  return mergePolicies(
    stored.map((policy) => {
      const source: PolicySource =
        policy.scope === 'global'
          ? { scope: 'global' }
          : { scope: 'organization', id: policy.scope, name: names.get(policy.scope) ?? policy.scope };
      return { source, policy };
    }),
    methodTypes,
  );
}

/** Whether the user, right now, may do nothing but set up 2FA: it is required and they have none. */
export async function mustSetUpTwoFactor(
  deps: Pick<AppDeps, 'store'>,
  userId: string,
  now: Date,
): Promise<boolean> {
  if (!isTwoFactorRequired(await effectivePolicyFor(deps, userId), now)) return false;
  return !(await hasTwoFactor(deps.store, userId));
}

/** A 2FA deadline ahead that the user has not met yet: when, in which zone, and whole days left. */
export interface DeadlineAhead {
  deadline: Date;
  timeZone: string;
  daysLeft: number;
}

/** The deadline the user still has to meet, or null: none is set, it has passed, or 2FA is on. */
export async function deadlineAheadFor(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  userId: string,
): Promise<DeadlineAhead | null> {
  const now = deps.clock.now();
  const required = (await effectivePolicyFor(deps, userId)).requiredFrom;
  if (!required || now >= required.value || (await hasTwoFactor(deps.store, userId))) return null;
  return { deadline: required.value, timeZone: required.timeZone, daysLeft: daysLeft(required.value, now) };
}
