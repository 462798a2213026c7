import type { ProofPurpose, TwoFactorMethod } from '../../core/types.js';
import { factorOf, isFactorType } from '../../factors/registry.js';
import type { Store } from '../../ports/store.js';
import type { AppDeps } from '../deps.js';
import { factorPorts } from './factor-ports.js';
import { activeMethods } from './two-factor-status.js';

export type ProofCheck = { ok: true; method: TwoFactorMethod | null } | { ok: false };

/**
 * Checks a second factor of a user for `purpose`, whatever its type: a factor of the account
 * (recovery codes) directly; a method's proof against the named method, or, for factors whose
 * codes the user's own device makes, against each of the user's methods of that type. A code
 * sent to a destination belongs to one method, so that method must be named. Each factor spends
 * what it accepts; nothing here knows how.
 */
export async function proveFactor(
  deps: Pick<AppDeps, 'secretBox' | 'random' | 'recoveryPeppers'>,
  store: Store,
  input: {
    userId: string;
    type: string;
    code: string;
    methodId?: string | undefined;
    purpose: ProofPurpose;
    sessionId: string;
    now: Date;
  },
): Promise<ProofCheck> {
  const { userId, type, code, methodId, purpose, sessionId, now } = input;
  if (!isFactorType(type)) return { ok: false };
  const factor = factorOf(type);
  const ports = factorPorts(deps, store);
  const proof = { userId, code, purpose, sessionId, now };
  if (factor.scope === 'account') {
    return (await factor.verify(ports, { ...proof, method: null }))
      ? { ok: true, method: null }
      : { ok: false };
  }
  if (factor.channel && methodId === undefined) return { ok: false };
  const candidates = (await activeMethods(store, userId)).filter(
    (m) => m.type === type && (methodId === undefined || m.id === methodId),
  );
  for (const method of candidates) {
    if (await factor.verify(ports, { ...proof, method })) return { ok: true, method };
  }
  return { ok: false };
}
