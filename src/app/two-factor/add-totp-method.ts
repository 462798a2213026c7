import { encodeBase32 } from '../../core/base32.js';
import { DomainError } from '../../core/errors.js';
import { newId } from '../../core/sessions/session-token.js';
import { newTotpSecret } from '../../factors/totp/new-totp-secret.js';
import { buildOtpauthUri } from '../../factors/totp/otpauth-uri.js';
import type { AppDeps } from '../deps.js';
import { assertMethodAllowed } from '../policy/method-rules.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';

/** A set-up not confirmed with a first code within this time is forgotten. */
export const pendingSetupMs = 15 * 60_000;
const maxAuthenticators = 10;

export interface TotpEnrollment {
  id: string;
  type: 'totp';
  /** Base32, for typing by hand; shown this once and never again (SECURITY.md a18). */
  secret: string;
  otpauthUri: string;
}

/**
 * Starts an authenticator set-up: a fresh 160-bit key, sealed at rest, pending until the first
 * code from the app confirms it. A pending set-up neither locks anyone out nor lets anyone in.
 */
export async function addTotpMethod(
  deps: AppDeps,
  auth: Authenticated,
  input: { label?: string | undefined },
): Promise<TotpEnrollment> {
  requireSudo(deps, auth);
  const { store, clock, random, secretBox, settings } = deps;
  const now = clock.now();
  const { user } = auth;
  await assertMethodAllowed(deps, user.id, 'totp');
  await store.methods.deleteExpiredPending(user.id, now);
  const existing = (await store.methods.listForUser(user.id)).filter((m) => m.type === 'totp');
  if (existing.length >= maxAuthenticators) throw new DomainError('method_limit_reached');
  const id = newId(random);
  const secret = newTotpSecret(random);
  await store.methods.create({
    id,
    userId: user.id,
    type: 'totp',
    label: input.label?.trim() || defaultLabel(existing.length),
    status: 'pending',
    secretSealed: secretBox.seal(secret, `totp:${id}`),
    destination: null,
    otp: settings.totp,
    lastUsedStep: null,
    createdAt: now,
    confirmedAt: null,
    lastUsedAt: null,
    pendingExpiresAt: new Date(now.getTime() + pendingSetupMs),
  });
  return {
    id,
    type: 'totp',
    secret: encodeBase32(secret),
    otpauthUri: buildOtpauthUri({
      issuer: settings.issuer,
      accountName: user.email,
      secret,
      ...settings.totp,
    }),
  };
}

function defaultLabel(countBefore: number): string {
  return countBefore === 0 ? 'Authenticator app' : `Authenticator app ${countBefore + 1}`;
}
