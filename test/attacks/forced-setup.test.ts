import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { deadlineInstant, putPolicy } from '../support/policy.js';
import { testServer } from '../support/test-server.js';
import { authenticatorFrom } from '../support/two-factor.js';
import { expectProblem, password, type Server, seedUser, sessionCookie, withToken } from './fixtures.js';

/** T-LOGIN-6: from the deadline, a user without 2FA can do nothing but set it up. */

const afterDeadline = deadlineInstant;
const setupPath = '/security/two-factor/setup';

/** What a session kept to set-up may still reach, exactly. */
const open = new Set([
  'POST /api/v1/session',
  'DELETE /api/v1/session',
  'POST /api/v1/me/methods',
  'POST /api/v1/me/methods/:id/confirm',
  'POST /api/v1/me/methods/:id/resend',
  'POST /api/v1/me/confirm-password',
  'GET /api/v1/openapi.json',
  'GET /assets/:name',
  'POST /sign-out',
  'GET /language',
  'GET /sign-in',
  'POST /sign-in',
  'GET /confirm-password',
  'POST /confirm-password',
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
  'GET /dev/outbox',
  'GET /dev/outbox.json',
  // The reverse proxy's question (any method the proxied request had), not a page: it answers
  // "not signed in", checked below.
  ...['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((m) => `${m} /auth/verify`),
]);

async function setupOnlyClient(server: Server) {
  const client = apiClient(server.app);
  const answer = await client.post('/api/v1/session', { email: 'ann@example.com', password });
  expect(answer.status).toBe(200);
  expect(await answer.json()).toEqual({ state: 'two_factor_setup_required' });
  return client;
}

describe('2FA required from a date (T-LOGIN-6)', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
    await seedUser(server);
    await putPolicy(server);
  });
  afterEach(() => server.close());

  it('signs the user in fully before the deadline', async () => {
    server.clock.set('2026-11-30T22:59:59Z');
    const client = apiClient(server.app);
    expect(
      await (await client.post('/api/v1/session', { email: 'ann@example.com', password })).json(),
    ).toEqual({
      state: 'signed_in',
    });
    expect((await client.get('/api/v1/me')).status).toBe(200);
  });

  it('ends a session opened without 2FA before the deadline at the deadline', async () => {
    server.clock.set('2026-11-30T22:00:00Z');
    const client = apiClient(server.app);
    expect(
      await (await client.post('/api/v1/session', { email: 'ann@example.com', password })).json(),
    ).toEqual({
      state: 'signed_in',
    });
    server.clock.set('2026-11-30T22:59:59Z');
    expect((await client.get('/api/v1/me')).status).toBe(200);
    server.clock.set(afterDeadline);
    await expectProblem(await client.get('/api/v1/me'), 401, 'not_signed_in');
    await setupOnlyClient(server);
  });

  it('answers every API route but set-up with 403 two_factor_setup_required after it', async () => {
    server.clock.set(afterDeadline);
    const client = await setupOnlyClient(server);
    const routes = [
      ...new Set(server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
    ];
    const apiRoutes = routes.filter((r) => r.split(' ')[1]?.startsWith('/api/') && !open.has(r));
    expect(apiRoutes.length).toBeGreaterThan(20);
    for (const route of apiRoutes) {
      const [method = '', path = ''] = route.split(' ');
      const answer = await client.send(method, path.replace(/:\w+/g, 'x'), method === 'GET' ? undefined : {});
      expect(answer.status, route).toBe(403);
      expect(((await answer.json()) as { code: string }).code, route).toBe('two_factor_setup_required');
    }
  });

  it('sends every page but set-up to set-up after it', async () => {
    server.clock.set(afterDeadline);
    const client = await setupOnlyClient(server);
    const routes = [
      ...new Set(server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
    ];
    const pages = routes.filter(
      (r) => !r.split(' ')[1]?.startsWith('/api/') && !open.has(r) && !r.includes(setupPath),
    );
    expect(pages.length).toBeGreaterThan(20);
    for (const route of pages) {
      const [method = '', path = ''] = route.split(' ');
      const answer = await client.send(
        method,
        path.replace(/:\w+/g, 'x'),
        method === 'GET' ? undefined : 'a=b',
        {
          'content-type': 'application/x-www-form-urlencoded',
        },
      );
      expect(answer.status, route).toBe(303);
      expect(answer.headers.get('location'), route).toBe(setupPath);
    }
    expect((await client.get(setupPath)).status).toBe(200);
    // A proxy asking about this session hears that nobody is signed in, and learns no user.
    const verify = await client.get('/auth/verify');
    expect(verify.status).toBe(401);
    expect(verify.headers.get('remote-user')).toBeNull();
  });

  it('cannot be talked out of it by headers, query strings, odd paths or HEAD', async () => {
    server.clock.set(afterDeadline);
    const client = await setupOnlyClient(server);
    const attempts: Array<[string, string, Record<string, string>?]> = [
      ['GET', '/api/v1/me?skip2fa=1&twoFactorSetup=done'],
      ['GET', '/api/v1/me', { 'x-skip-two-factor': '1', 'x-forwarded-for': '127.0.0.1' }],
      ['GET', '/api/v1/me', { cookie: `${sessionCookie}=${client.jar.get(sessionCookie)}; two_factor=done` }],
      ['HEAD', '/api/v1/me'],
      ['GET', '/api/v1/me/'],
      ['GET', '/api/v1//me'],
      ['GET', '/API/v1/me'],
      ['GET', '/api/v1/me/methods/x/confirm'],
      ['GET', '/security/two-factor/setup/../../../api/v1/me'],
      ['GET', '/security/two-factor/setup/x/code/../../../../api/v1/me'],
      ['GET', '/security/two-factor/setup/%2e%2e/%2e%2e/%2e%2e/api/v1/me'],
    ];
    for (const [method, path, headers] of attempts) {
      const answer = await client.send(method, path, undefined, headers);
      const what = `${method} ${path}`;
      // Nothing may answer with the user's data: only the refusal, the way to set-up, or not found.
      expect([303, 403, 404], what).toContain(answer.status);
      if (answer.status === 303) expect(answer.headers.get('location'), what).toBe(setupPath);
      if (method !== 'HEAD') expect(await answer.text(), what).not.toContain('ann@example.com');
    }
  });

  it('keeps every new sign-in in set-up too', async () => {
    server.clock.set(afterDeadline);
    const first = await setupOnlyClient(server);
    const second = await setupOnlyClient(server);
    await expectProblem(await first.get('/api/v1/me'), 403, 'two_factor_setup_required');
    await expectProblem(await second.get('/api/v1/me'), 403, 'two_factor_setup_required');
  });

  it('ends when the first method is confirmed: the session is renewed and fully signed in', async () => {
    server.clock.set(afterDeadline);
    const client = await setupOnlyClient(server);
    const before = client.jar.get(sessionCookie) ?? '';
    // The password was typed a moment ago: set-up starts without confirming it again.
    const enrollment = (await (await client.post('/api/v1/me/methods', { type: 'totp' })).json()) as {
      id: string;
      otpauthUri: string;
    };
    const app = authenticatorFrom(enrollment.otpauthUri, server);
    const confirmed = await client.post(`/api/v1/me/methods/${enrollment.id}/confirm`, { code: app.code() });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    expect(client.jar.get(sessionCookie)).not.toBe(before);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    expect((await client.get('/security')).status).toBe(200);
    // The token of the set-up-only session is worth nothing now.
    expect((await withToken(server, before)).status).toBe(401);
    // The next sign-in asks for the second factor like any other.
    const next = apiClient(server.app);
    const answer = await next.post('/api/v1/session', { email: 'ann@example.com', password });
    expect(((await answer.json()) as { state: string }).state).toBe('second_factor');
  });

  it('lets the user sign out of a set-up-only session', async () => {
    server.clock.set(afterDeadline);
    const client = await setupOnlyClient(server);
    const token = client.jar.get(sessionCookie) ?? '';
    expect((await client.delete('/api/v1/session')).status).toBe(204);
    expect((await withToken(server, token, '/api/v1/me/methods', 'POST', { type: 'totp' })).status).toBe(401);
  });
});
