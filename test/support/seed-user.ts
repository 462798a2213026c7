import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestServer } from './test-server.js';

/** The password of every seeded account unless a test picks another. */
export const password = 'a calm lake at dawn';

const hashes = new Map<string, Promise<string>>();

/**
 * Puts an account straight into the store. Each password is hashed once per test file: argon2 is
 * slow on purpose, and sign-up itself is tested through the API and the pages elsewhere.
 */
export async function seedUser(server: TestServer, email = 'ann@example.com', pw = password) {
  let hash = hashes.get(pw);
  if (!hash) {
    hash = server.deps.hasher.hash(pw.normalize('NFKC'));
    hashes.set(pw, hash);
  }
  const user = {
    id: randomBytes(16).toString('base64url'),
    email,
    passwordHash: await hash,
    locale: 'en',
    createdAt: server.clock.now(),
    disabledAt: null,
    staffRole: null,
  };
  expect(await server.deps.store.users.insertIfAbsent(user)).toBe(true);
  return user;
}
