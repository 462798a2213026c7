import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { AuditEvent, StaffRole } from '../../src/core/types.js';
import type { MethodType } from '../../src/factors/registry.js';
import { apiClient } from '../support/client.js';
import { password, seedUser } from '../support/seed-user.js';
import { giveSecondFactor } from '../support/staff.js';
import type { TestServer } from '../support/test-server.js';

/** A seeded account, signed in over the API, with the staff role asked for (or none) and its 2FA. */
export async function signedInAs(server: TestServer, email: string, role: StaffRole | null = null) {
  const user = await seedUser(server, email);
  if (role) await server.deps.store.users.setStaffRole(user.id, role);
  const client = apiClient(server.app);
  expect((await client.post('/api/v1/session', { email, password })).status).toBe(200);
  // Staff need 2FA of their own for the console; given after sign-in, the session stays as it is.
  if (role) await giveSecondFactor(server, user.id);
  return { user, client };
}

/** An active second-factor method put straight into the store (set-up is tested elsewhere). */
export async function giveMethod(
  server: TestServer,
  userId: string,
  type: MethodType,
  status = 'active' as const,
) {
  const now = server.clock.now();
  await server.deps.store.methods.create({
    id: randomBytes(12).toString('base64url'),
    userId,
    type,
    label: type,
    status,
    secretSealed: null,
    destination: null,
    otp: null,
    lastUsedStep: null,
    createdAt: now,
    confirmedAt: now,
    lastUsedAt: null,
    pendingExpiresAt: null,
  });
}

/** An audit event at a chosen time, as if it had happened then. */
export async function pastEvent(
  server: TestServer,
  event: { userId: string | null; type: AuditEvent['type']; at: string; userAgent?: string; ip?: string },
) {
  const id = randomBytes(12).toString('base64url');
  await server.deps.store.audit.append({
    id,
    userId: event.userId,
    type: event.type,
    at: new Date(event.at),
    ip: event.ip ?? '198.51.100.7',
    userAgent: event.userAgent ?? 'Mozilla/5.0 (Macintosh) Safari/17',
    detail: {},
  });
  return id;
}

/** Parses our CSV (RFC 4180) back into rows, to check what a spreadsheet would read. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  expect(cell, 'the file ends with CRLF').toBe('');
  return rows;
}

/**
 * Signs a staff member in again with the password alone: their stand-in authenticator has no key
 * to make codes with, so it is set aside for the password step and put back (set-up and the second
 * step are tested elsewhere).
 */
export async function signInAgainWithSecondFactor(
  server: TestServer,
  client: ReturnType<typeof apiClient>,
  email: string,
) {
  const user = (await server.deps.store.users.findByEmail(email))!;
  await server.deps.store.methods.delete(`staff-totp-${user.id}`);
  expect((await client.post('/api/v1/session', { email, password })).status).toBe(200);
  await giveSecondFactor(server, user.id);
}
