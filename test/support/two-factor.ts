import * as OTPAuth from 'otpauth';
import { expect } from 'vitest';
import { type ApiClient, apiClient } from './client.js';
import type { testServer } from './test-server.js';

type Server = Awaited<ReturnType<typeof testServer>>;
export const password = 'a calm lake at dawn';

/**
 * An authenticator nobody here wrote: the `otpauth` package, fed only the otpauth:// URI the
 * server handed out, as a phone app scanning the QR code would be.
 */
export function authenticatorFrom(otpauthUri: string, server: Server) {
  const totp = OTPAuth.URI.parse(otpauthUri) as OTPAuth.TOTP;
  return {
    code: (offsetSteps = 0) =>
      totp.generate({ timestamp: server.clock.now().getTime() + offsetSteps * 30_000 }),
  };
}

export async function signUpAndIn(server: Server, email = 'ann@example.com', options: { ip?: string } = {}) {
  const client = apiClient(server.app, options);
  // Sign-up mails a verification link. The outbox lists newest first by time, so a later message
  // must not share that one's instant: the account is made a second before the test goes on.
  server.clock.advance(-1000);
  expect((await client.post('/api/v1/accounts', { email, password })).status).toBe(201);
  server.clock.advance(1000);
  expect((await client.post('/api/v1/session', { email, password })).status).toBe(200);
  return client;
}

/** Signs up, turns on 2FA with an authenticator, and returns the client, authenticator and codes. */
export async function userWithTotp(server: Server, email = 'ann@example.com') {
  const client = await signUpAndIn(server, email);
  expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  const enrollment = (await (
    await client.post('/api/v1/me/methods', { type: 'totp', label: 'Phone' })
  ).json()) as {
    id: string;
    otpauthUri: string;
    secret: string;
  };
  const app = authenticatorFrom(enrollment.otpauthUri, server);
  const confirmed = await client.post(`/api/v1/me/methods/${enrollment.id}/confirm`, { code: app.code() });
  expect(confirmed.status).toBe(200);
  const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
  // The confirming code is spent: move to the next time step so the next code is fresh.
  server.clock.advance(30_000);
  return { client, app, methodId: enrollment.id, recoveryCodes, secret: enrollment.secret, email };
}

/** Password step only: a session that owes its second factor. */
export async function pendingSignIn(
  server: Server,
  email = 'ann@example.com',
  options: { ip?: string } = {},
) {
  const client: ApiClient = apiClient(server.app, options);
  const answer = await client.post('/api/v1/session', { email, password });
  expect(answer.status).toBe(200);
  return {
    client,
    challenge: (await answer.json()) as {
      state: string;
      primary: string;
      methods: Array<{ id: string; type: string }>;
    },
  };
}
