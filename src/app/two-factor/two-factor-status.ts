import type { TwoFactorMethod } from '../../core/types.js';
import type { Store } from '../../ports/store.js';

export interface MethodSummary {
  id: string;
  type: string;
  label: string;
}

export interface TwoFactorSummary {
  enabled: boolean;
  primary: string | null;
  methods: Array<MethodSummary & { createdAt: Date; lastUsedAt: Date | null }>;
  recoveryCodesLeft: number;
}

/** Recovery codes are offered at the second step like a method, always last. */
export const recoveryCodeChoice: MethodSummary = {
  id: 'recovery_code',
  type: 'recovery_code',
  label: 'Recovery code',
};

export async function activeMethods(store: Store, userId: string): Promise<TwoFactorMethod[]> {
  return (await store.methods.listForUser(userId)).filter((m) => m.status === 'active');
}

/** Whether the user has 2FA: at least one confirmed method. */
export async function hasTwoFactor(store: Store, userId: string): Promise<boolean> {
  return (await activeMethods(store, userId)).length > 0;
}

/** Active methods with the primary first. A primary that is gone falls back to the oldest method. */
async function orderedMethods(store: Store, userId: string) {
  const methods = await activeMethods(store, userId);
  const primaryId = await store.methods.getPrimaryId(userId);
  const primary = methods.find((m) => m.id === primaryId) ?? methods[0] ?? null;
  return { primary, methods: primary ? [primary, ...methods.filter((m) => m !== primary)] : methods };
}

/** What the second step offers: the primary first, recovery codes last while any are left. */
export async function signInChoices(
  store: Store,
  userId: string,
): Promise<{ primary: string; methods: MethodSummary[] }> {
  const { primary, methods } = await orderedMethods(store, userId);
  const left = await store.recoveryCodes.countLeft(userId);
  const choices = methods.map(({ id, type, label }) => ({ id, type, label }));
  return {
    primary: primary?.type ?? 'recovery_code',
    methods: left > 0 ? [...choices, recoveryCodeChoice] : choices,
  };
}

/** What /me and the security page show of a user's 2FA. */
export async function twoFactorSummary(store: Store, userId: string): Promise<TwoFactorSummary> {
  const { primary, methods } = await orderedMethods(store, userId);
  return {
    enabled: methods.length > 0,
    primary: primary?.id ?? null,
    methods: methods.map(({ id, type, label, createdAt, lastUsedAt }) => ({
      id,
      type,
      label,
      createdAt,
      lastUsedAt,
    })),
    recoveryCodesLeft: methods.length > 0 ? await store.recoveryCodes.countLeft(userId) : 0,
  };
}
