import type { TwoFactorMethod } from '../../core/types.js';
import { buildOtpauthUri } from '../../factors/totp/otpauth-uri.js';
import { openTotpKey } from '../../factors/totp/totp-factor.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';

export interface PendingTotpSetup {
  method: TwoFactorMethod;
  /** The key, for typing by hand, and the link the app scans: shown only while the set-up waits. */
  secret: Uint8Array;
  otpauthUri: string;
}

/**
 * The user's own authenticator set-up while it waits for its first code, with its key opened so
 * the page can draw it again; null once it is confirmed, expired or not the user's.
 */
export async function pendingTotpSetup(
  deps: Pick<AppDeps, 'store' | 'clock' | 'secretBox' | 'settings'>,
  auth: Authenticated,
  methodId: string,
): Promise<PendingTotpSetup | null> {
  const method = await deps.store.methods.find(methodId);
  const now = deps.clock.now();
  if (!method || method.userId !== auth.user.id || method.status !== 'pending' || !method.secretSealed)
    return null;
  if (!method.pendingExpiresAt || method.pendingExpiresAt <= now) return null;
  const secret = openTotpKey(deps, { id: method.id, secretSealed: method.secretSealed });
  const otpauthUri = buildOtpauthUri({
    issuer: deps.settings.issuer,
    accountName: auth.user.email,
    secret,
    ...(method.otp ?? deps.settings.totp),
  });
  return { method, secret, otpauthUri };
}
