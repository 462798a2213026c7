import type { TwoFactorMethod } from '../../core/types.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import {
  activeMethods,
  type MethodSummary,
  signInChoices,
  type TwoFactorSummary,
  twoFactorSummary,
} from './two-factor-status.js';

/** The caller's own 2FA, as /me and the security page show it. */
export function ownTwoFactorSummary(
  deps: Pick<AppDeps, 'store'>,
  auth: Pick<Authenticated, 'user'>,
): Promise<TwoFactorSummary> {
  return twoFactorSummary(deps.store, auth.user.id);
}

/** The caller's confirmed methods; pending set-ups are left out. */
export function ownActiveMethods(
  deps: Pick<AppDeps, 'store'>,
  auth: Pick<Authenticated, 'user'>,
): Promise<TwoFactorMethod[]> {
  return activeMethods(deps.store, auth.user.id);
}

/** What the caller's second step offers: the primary first, recovery codes last while any are left. */
export function ownSignInChoices(
  deps: Pick<AppDeps, 'store'>,
  auth: Pick<Authenticated, 'user'>,
): Promise<{ primary: string; methods: MethodSummary[] }> {
  return signInChoices(deps.store, auth.user.id);
}
