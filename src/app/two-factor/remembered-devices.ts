import { describeDevice } from '../../core/device-name.js';
import { DomainError } from '../../core/errors.js';
import type { RememberedDevice } from '../../core/sessions/remembered-device.js';
import { hashToken, newId, newToken } from '../../core/sessions/session-token.js';
import type { RequestContext } from '../../core/types.js';
import type { Store } from '../../ports/store.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { daysToMs, rememberDeviceDays } from './remember-device-period.js';

const idShape = /^[A-Za-z0-9_-]{1,64}$/;

/** "Chrome on Linux": enough for a person to recognise the browser in a list. */
export function readableDeviceName(userAgent: string): string {
  const { browser, os } = describeDevice(userAgent);
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? 'Unknown device';
}

/**
 * Refuses "remember this device" where it is off, before anything is checked or spent, so that a
 * refused request changes nothing.
 */
export async function assertRememberingAllowed(deps: Pick<AppDeps, 'settings' | 'store'>, userId: string) {
  if ((await rememberDeviceDays(deps, userId)) === 0)
    throw new DomainError('invalid_input', 'rememberDevice is turned off on this server');
}

/**
 * Remembers the browser for the user's period, right after a second factor succeeded. Returns the
 * 256-bit token for the cookie; only its SHA-256 digest is stored.
 */
export async function rememberThisDevice(
  deps: Pick<AppDeps, 'random' | 'settings'>,
  store: Store,
  input: { userId: string; context: RequestContext; now: Date },
): Promise<{ token: string; maxAgeSeconds: number }> {
  // `store` is the caller's transaction: on SQLite a read beside it would wait on itself.
  const days = await rememberDeviceDays({ settings: deps.settings, store }, input.userId);
  if (days === 0) throw new DomainError('invalid_input', 'rememberDevice is turned off on this server');
  const token = newToken(deps.random);
  const userAgent = input.context.userAgent.slice(0, 512);
  const deviceName = readableDeviceName(userAgent);
  // Expired rows already count for nothing; clearing them here keeps the table from only growing.
  await store.rememberedDevices.deleteExpired(input.now);
  await store.rememberedDevices.create({
    id: newId(deps.random),
    userId: input.userId,
    tokenHash: hashToken(token),
    deviceName,
    userAgent,
    ip: input.context.ip,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + daysToMs(days)),
    lastUsedAt: null,
  });
  await recordAudit(store, deps.random, input.now, {
    userId: input.userId,
    type: 'device_remembered',
    context: input.context,
    detail: { device: deviceName, days },
  });
  return { token, maxAgeSeconds: daysToMs(days) / 1000 };
}

/**
 * Called only after the password was right: the live remembered device among the browser's tokens
 * that belongs to this user, or null. Another user's token, an expired or forgotten one, or one
 * older than the period allows today, counts for nothing.
 */
export async function recognizeRememberedDevice(
  deps: Pick<AppDeps, 'store' | 'settings'>,
  userId: string,
  tokens: string[],
  now: Date,
): Promise<RememberedDevice | null> {
  if (tokens.length === 0) return null;
  const days = await rememberDeviceDays(deps, userId);
  if (days === 0) return null;
  for (const token of tokens) {
    const device = await deps.store.rememberedDevices.findValid(hashToken(token), now);
    // The period is checked again here: a shorter one set later also ends earlier devices.
    if (device?.userId === userId && device.createdAt.getTime() + daysToMs(days) > now.getTime())
      return device;
  }
  return null;
}

/** Of the browser's tokens, the ones worth keeping next to a new one: live, and another user's. */
export async function tokensOfOtherUsers(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  userId: string,
  tokens: string[],
): Promise<string[]> {
  const now = deps.clock.now();
  const kept: string[] = [];
  for (const token of tokens) {
    const device = await deps.store.rememberedDevices.findValid(hashToken(token), now);
    if (device && device.userId !== userId) kept.push(token);
  }
  return kept;
}

export function listRememberedDevices(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  auth: Authenticated,
): Promise<RememberedDevice[]> {
  return deps.store.rememberedDevices.listForUser(auth.user.id, deps.clock.now());
}

/**
 * Forgets one of the user's devices; another user's id answers exactly like an unknown one. No sudo,
 * unlike signing a device out: forgetting only takes trust away (see remembered-devices-routes).
 */
export async function forgetRememberedDevice(
  deps: AppDeps,
  auth: Authenticated,
  input: { id: string; context: RequestContext },
): Promise<void> {
  const now = deps.clock.now();
  const device = idShape.test(input.id)
    ? (await deps.store.rememberedDevices.listForUser(auth.user.id, now)).find((d) => d.id === input.id)
    : undefined;
  if (!device) throw new DomainError('not_found');
  await deps.store.transaction(async (tx) => {
    if (!(await tx.rememberedDevices.delete(auth.user.id, device.id))) throw new DomainError('not_found');
    await recordAudit(tx, deps.random, now, {
      userId: auth.user.id,
      type: 'remembered_device_forgotten',
      context: input.context,
      detail: { device: device.deviceName, ip: device.ip },
    });
  });
}

/** "Forget all": every browser of the user asks for the second factor again. */
export async function forgetAllRememberedDevices(
  deps: AppDeps,
  auth: Authenticated,
  context: RequestContext,
): Promise<number> {
  return deps.store.transaction(async (tx) => {
    const forgotten = await tx.rememberedDevices.deleteForUser(auth.user.id);
    await recordAudit(tx, deps.random, deps.clock.now(), {
      userId: auth.user.id,
      type: 'remembered_devices_forgotten',
      context,
      detail: { forgotten },
    });
    return forgotten;
  });
}
