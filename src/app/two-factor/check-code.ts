import type { TwoFactorMethod } from '../../core/types.js';
import { hashRecoveryCode, normalizeRecoveryCode } from '../../factors/recovery-codes/recovery-codes.js';
import { verifyTOTP } from '../../factors/totp/totp.js';
import type { Store } from '../../ports/store.js';
import type { AppDeps } from '../deps.js';
import { checkSentCode } from './check-sent-code.js';
import { activeMethods } from './two-factor-gate.js';

export type CodeType = 'totp' | 'recovery_code' | 'email' | 'sms' | 'voice';

export type CodeCheck = { ok: true; method: TwoFactorMethod | null } | { ok: false };

/**
 * Checks a TOTP code against one method and, on a match, spends its time step with a
 * compare-and-set in the store: a replayed code, or the same code raced from ten sessions, is
 * accepted once (RFC 6238 §5.2). A wrong guess spends nothing, so it never burns a valid code.
 */
export async function checkTotp(
  deps: Pick<AppDeps, 'secretBox'>,
  store: Store,
  method: TwoFactorMethod,
  code: string,
  now: Date,
): Promise<boolean> {
  if (method.type !== 'totp' || !method.secretSealed || !method.otp) return false;
  const key = deps.secretBox.open(method.secretSealed, `totp:${method.id}`);
  const result = verifyTOTP({
    key,
    code,
    nowMs: now.getTime(),
    ...method.otp,
    lastUsedStep: method.lastUsedStep,
  });
  if (!result.ok) return false;
  return store.methods.recordStepUse(method.id, result.step, now);
}

/**
 * The first code of a pending method, at set-up: from the authenticator app, or the code sent for
 * set-up to this session (a code sent for sign-in never confirms a method).
 */
export function checkSetupCode(
  deps: Pick<AppDeps, 'secretBox' | 'recoveryPeppers'>,
  store: Store,
  input: { method: TwoFactorMethod; code: string; sessionId: string; now: Date },
): Promise<boolean> {
  const { method, code, now } = input;
  if (method.type === 'totp') return checkTotp(deps, store, method, code, now);
  return checkSentCode(deps, store, { ...input, purpose: 'enroll' });
}

/**
 * Checks a second-factor code of a user: a TOTP code against the named method (or every active
 * authenticator when none is named), a code sent to the named e-mail, SMS or voice method for
 * this session's sign-in, or a recovery code, which is spent by the check.
 */
export async function checkUserCode(
  deps: Pick<AppDeps, 'secretBox' | 'recoveryPeppers'>,
  store: Store,
  input: {
    userId: string;
    type: CodeType;
    code: string;
    methodId?: string | undefined;
    sessionId?: string | undefined;
    now: Date;
  },
): Promise<CodeCheck> {
  const { userId, code, now } = input;
  if (input.type === 'recovery_code') {
    const normalized = normalizeRecoveryCode(code);
    if (!normalized) return { ok: false };
    const hashes = deps.recoveryPeppers.map((pepper) => hashRecoveryCode(pepper, userId, normalized));
    return (await store.recoveryCodes.spend(userId, hashes, now))
      ? { ok: true, method: null }
      : { ok: false };
  }
  if (input.type !== 'totp') {
    // A sent code belongs to one method of this user and one session: both must be named.
    const { methodId, sessionId, type } = input;
    const method = (await activeMethods(store, userId)).find((m) => m.id === methodId && m.type === type);
    if (!method || !sessionId) return { ok: false };
    const ok = await checkSentCode(deps, store, { method, purpose: 'sign_in', sessionId, code, now });
    return ok ? { ok: true, method } : { ok: false };
  }
  const candidates = (await activeMethods(store, userId)).filter(
    (m) => m.type === 'totp' && (input.methodId === undefined || m.id === input.methodId),
  );
  for (const method of candidates) {
    if (await checkTotp(deps, store, method, code, now)) return { ok: true, method };
  }
  return { ok: false };
}
