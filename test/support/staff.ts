import { expect } from 'vitest';
import type { StaffRole } from '../../src/core/types.js';
import { type ApiClient, apiClient } from './client.js';
import type { testServer } from './test-server.js';
import { password, signUpAndIn } from './two-factor.js';

type Server = Awaited<ReturnType<typeof testServer>>;

/** Gives an existing account a staff role, as `twostep user role` does, and the 2FA staff need. */
export async function grantRole(server: Server, email: string, role: StaffRole | null) {
  const user = await server.deps.store.users.findByEmail(email);
  if (!user) throw new Error(`no account ${email}`);
  await server.deps.store.users.setStaffRole(user.id, role);
  const methods = await server.deps.store.methods.listForUser(user.id);
  if (role && !methods.some((m) => m.status === 'active')) await giveSecondFactor(server, user.id);
  return user;
}

/** A staff member signed in through the API, in sudo mode unless `sudo: false`. */
export async function staffClient(
  server: Server,
  role: StaffRole | null,
  email = `${role ?? 'plain'}@staff.example`,
  options: { sudo?: boolean; browser?: boolean } = {},
): Promise<ApiClient> {
  // Signing in again: the stand-in authenticator has no key to make codes with, so it is set
  // aside for the password step and given back with the role.
  const existing = await server.deps.store.users.findByEmail(email);
  if (existing) await server.deps.store.methods.delete(`staff-totp-${existing.id}`);
  const client = await signUpAndIn(server, email);
  await grantRole(server, email, role);
  if (options.sudo !== false) {
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  }
  return client;
}

/** The id of an account by its address. */
export async function userId(server: Server, email: string): Promise<string> {
  const user = await server.deps.store.users.findByEmail(email);
  if (!user) throw new Error(`no account ${email}`);
  return user.id;
}

export { apiClient, password };

/**
 * Gives an account a confirmed authenticator method straight in the store, as if set up earlier:
 * the console lets only staff with 2FA in. Sessions already open stay as they are.
 */
export async function giveSecondFactor(server: Server, userId: string) {
  const at = server.clock.now();
  await server.deps.store.methods.create({
    id: `staff-totp-${userId}`,
    userId,
    type: 'totp',
    label: 'Staff phone',
    status: 'active',
    secretSealed: null,
    destination: null,
    otp: null,
    lastUsedStep: null,
    createdAt: at,
    confirmedAt: at,
    lastUsedAt: null,
    pendingExpiresAt: null,
  });
}
