import { expect } from 'vitest';
import { type ApiClient, apiClient } from '../support/client.js';
import { password, seedUser } from '../support/seed-user.js';
import { origin, type TestServer } from '../support/test-server.js';

/** Shared set-up for the attack and bad-input suites: every step goes through the public API. */

export type Server = TestServer;
export { password, seedUser };
export const sessionCookie = 'twostep_session';

/** A new account, signed in through the API; the client holds the full-session cookie. */
export async function signedInUser(
  server: Server,
  email = 'ann@example.com',
  options: { ip?: string; userAgent?: string; password?: string } = {},
): Promise<ApiClient> {
  await seedUser(server, email, options.password ?? password);
  return anotherDevice(server, email, {
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) TestClient/1.0',
    ...options,
  });
}

/** Another device of an existing user, signed in. */
export async function anotherDevice(
  server: Server,
  email = 'ann@example.com',
  options: { ip?: string; userAgent?: string; password?: string } = {},
): Promise<ApiClient> {
  const client = apiClient(server.app, { userAgent: 'Other device/1.0', ...options });
  const answer = await client.post('/api/v1/session', { email, password: options.password ?? password });
  expect(answer.status).toBe(200);
  return client;
}

export function tokenOf(client: ApiClient): string {
  const token = client.jar.get(sessionCookie);
  if (!token) throw new Error('the client holds no session cookie');
  return token;
}

/** A request made by hand with a given session token, as an attacker replaying a cookie would. */
export function withToken(
  server: Server,
  token: string,
  path = '/api/v1/me',
  method = 'GET',
  body?: unknown,
) {
  return server.app.request(`${origin}${path}`, {
    method,
    headers: {
      cookie: `${sessionCookie}=${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The session cookie this answer sets, or undefined; another cookie (CSRF) does not count. */
export function sessionCookieSet(response: Response): string | undefined {
  return response.headers.getSetCookie().find((line) => line.startsWith(`${sessionCookie}=`));
}

export async function expectProblem(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(await response.json()).toMatchObject({ status, code });
}

export async function signInStatus(server: Server, email: string, pw: string, ip?: string) {
  return (await apiClient(server.app, ip ? { ip } : {}).post('/api/v1/session', { email, password: pw }))
    .status;
}

export interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export async function outbox(server: Server): Promise<Mail[]> {
  const answer = await apiClient(server.app).get('/dev/outbox.json');
  return (await answer.json()) as Mail[];
}

/** Asks for a reset link and returns the token from the new e-mail. */
export async function resetToken(server: Server, email = 'ann@example.com'): Promise<string> {
  const seen = new Set((await outbox(server)).map((m) => m.id));
  expect((await apiClient(server.app).post('/api/v1/password-reset', { email })).status).toBe(202);
  const mail = (await outbox(server)).find((m) => !seen.has(m.id) && m.subject === 'Reset your password');
  const token = mail?.text.match(/reset-password\?token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no reset link for ${email}`);
  return token;
}

export const minutes = (n: number) => n * 60_000;
