import { expect } from 'vitest';
import type { ApiClient } from './client.js';
import type { TestServer } from './test-server.js';
import { password } from './two-factor.js';

/** The remembered-device cookie over http (the test server's public URL). */
export const rememberCookie = 'twostep_remember';
export const firefoxOnWindows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0';

/** The password step through the API; answers the state the server reached. */
export async function passwordStep(client: ApiClient, email = 'ann@example.com', pw = password) {
  const answer = await client.post('/api/v1/session', { email, password: pw });
  return { status: answer.status, body: (await answer.json()) as { state?: string; code?: string } };
}

/** The second step with a fresh authenticator code; the clock moves on so the next code is fresh too. */
export async function totpStep(
  server: TestServer,
  client: ApiClient,
  app: { code: () => string },
  rememberDevice?: boolean,
) {
  const answer = await client.post('/api/v1/session/second-factor', {
    type: 'totp',
    code: app.code(),
    ...(rememberDevice === undefined ? {} : { rememberDevice }),
  });
  server.clock.advance(30_000);
  return answer;
}

/** Password and code, ticking "Don't ask again"; the client then holds the remember cookie. */
export async function signInRemembering(
  server: TestServer,
  client: ApiClient,
  app: { code: () => string },
  email = 'ann@example.com',
) {
  expect((await passwordStep(client, email)).body.state).toBe('second_factor');
  const answer = await totpStep(server, client, app, true);
  expect(answer.status).toBe(200);
  expect(client.jar.get(rememberCookie)).toBeTruthy();
  return answer;
}

export async function signOut(client: ApiClient) {
  expect((await client.delete('/api/v1/session')).status).toBe(204);
}
