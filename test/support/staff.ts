import { expect } from 'vitest';
import type { StaffRole } from '../../src/core/types.js';
import { type ApiClient, apiClient } from './client.js';
import type { testServer } from './test-server.js';
import { password, signUpAndIn } from './two-factor.js';

type Server = Awaited<ReturnType<typeof testServer>>;

/** Gives an existing account a staff role, as `twostep user role` does. */
export async function grantRole(server: Server, email: string, role: StaffRole | null) {
  const user = await server.deps.store.users.findByEmail(email);
  if (!user) throw new Error(`no account ${email}`);
  await server.deps.store.users.setStaffRole(user.id, role);
  return user;
}

/** A staff member signed in through the API, in sudo mode unless `sudo: false`. */
export async function staffClient(
  server: Server,
  role: StaffRole | null,
  email = `${role ?? 'plain'}@staff.example`,
  options: { sudo?: boolean; browser?: boolean } = {},
): Promise<ApiClient> {
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
