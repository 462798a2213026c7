import { z } from '@hono/zod-openapi';
import { policyLimits } from '../../../app/policy/set-policy.js';
import type { EffectivePolicy, PolicySource, Ruled } from '../../../core/policy/merge-policies.js';
import type { StoredPolicy } from '../../../core/policy/policy.js';
import { instantToZonedTime } from '../../../core/policy/zoned-time.js';
import { type MethodType, methodTypes } from '../../../factors/registry.js';

const Method = z.enum(methodTypes);

export const PolicyBody = z
  .object({
    requiredFrom: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time: YYYY-MM-DDTHH:mm')
      .nullable()
      .openapi({ example: '2026-07-01T00:00' }),
    timeZone: z.string().min(1).max(64).default('UTC').openapi({ example: 'Europe/Amsterdam' }),
    allowedMethods: z.array(Method).min(1).max(4).nullable().default(null),
    backupRequired: z.boolean().default(false),
    recoveryCodesCountAsBackup: z.boolean().default(true),
    maxRememberDeviceDays: z
      .number()
      .int()
      .min(0)
      .max(policyLimits.maxRememberDeviceDays)
      .nullable()
      .default(null),
    sudoMinutes: z.number().int().min(1).max(policyLimits.sudoMinutes).nullable().default(null),
  })
  .openapi('PolicyInput');

export const StoredPolicyAnswer = z
  .object({
    scope: z.string(),
    requiredFrom: z.string().nullable().openapi({ description: 'The instant, ISO 8601' }),
    requiredFromLocal: z
      .string()
      .nullable()
      .openapi({ description: 'The same in `timeZone`, as it was set' }),
    timeZone: z.string().nullable(),
    allowedMethods: z.array(Method).nullable(),
    backupRequired: z.boolean(),
    recoveryCodesCountAsBackup: z.boolean(),
    maxRememberDeviceDays: z.number().int().nullable(),
    sudoMinutes: z.number().int().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Policy');

const Source = z
  .object({
    scope: z.enum(['global', 'organization']),
    id: z.string().optional(),
    name: z.string().optional(),
  })
  .openapi('PolicySource');

export const EffectivePolicyAnswer = z
  .object({
    requiredFrom: z.object({ at: z.string(), timeZone: z.string(), by: z.array(Source) }).nullable(),
    allowedMethods: z.object({ methods: z.array(Method), by: z.array(Source) }),
    backupRequired: z.object({ by: z.array(Source) }).nullable(),
    recoveryCodesCountAsBackup: z.boolean(),
    maxRememberDeviceDays: z.object({ days: z.number().int(), by: z.array(Source) }).nullable(),
    sudoMinutes: z.object({ minutes: z.number().int(), by: z.array(Source) }).nullable(),
  })
  .openapi('EffectivePolicy');

export function storedPolicyJson(policy: StoredPolicy): z.infer<typeof StoredPolicyAnswer> {
  return {
    scope: policy.scope,
    requiredFrom: policy.requiredFrom?.toISOString() ?? null,
    requiredFromLocal:
      policy.requiredFrom && policy.timeZone
        ? instantToZonedTime(policy.requiredFrom, policy.timeZone)
        : null,
    timeZone: policy.timeZone,
    allowedMethods: policy.allowedMethods as MethodType[] | null,
    backupRequired: policy.backupRequired,
    recoveryCodesCountAsBackup: policy.recoveryCodesCountAsBackup,
    maxRememberDeviceDays: policy.maxRememberDeviceDays,
    sudoMinutes: policy.sudoMinutes,
    updatedAt: policy.updatedAt.toISOString(),
  };
}

const sources = (by: PolicySource[]) =>
  by.map((s) =>
    s.scope === 'global' ? { scope: 'global' as const } : { ...s, scope: 'organization' as const },
  );
const ruled = <T, K extends string>(rule: Ruled<T> | null, key: K) =>
  rule
    ? ({ [key]: rule.value, by: sources(rule.by) } as { [P in K]: T } & { by: ReturnType<typeof sources> })
    : null;

export function effectivePolicyJson(policy: EffectivePolicy): z.infer<typeof EffectivePolicyAnswer> {
  return {
    requiredFrom: policy.requiredFrom
      ? {
          at: policy.requiredFrom.value.toISOString(),
          timeZone: policy.requiredFrom.timeZone,
          by: sources(policy.requiredFrom.by),
        }
      : null,
    allowedMethods: {
      methods: policy.allowedMethods.value as MethodType[],
      by: sources(policy.allowedMethods.by),
    },
    backupRequired: policy.backupRequired ? { by: sources(policy.backupRequired.by) } : null,
    recoveryCodesCountAsBackup: policy.recoveryCodesCountAsBackup,
    maxRememberDeviceDays: ruled(policy.maxRememberDeviceDays, 'days'),
    sudoMinutes: ruled(policy.sudoMinutes, 'minutes'),
  };
}
