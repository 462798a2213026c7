import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient } from '../support/client.js';
import { origin, testServer } from '../support/test-server.js';
import {
  anotherDevice,
  expectProblem,
  outbox,
  password,
  resetToken,
  type Server,
  signedInUser,
  signInStatus,
  tokenOf,
} from './fixtures.js';

interface World {
  server: Server;
  /** The victim's browser: signed in and in sudo mode, so every request would succeed. */
  victim: ApiClient;
  phone: ApiClient;
  phoneSessionId: string;
  resetToken: string;
  tokenAtStart: string;
}

interface Case {
  name: string;
  send(w: World, headers: Record<string, string>): Promise<Response>;
  success: number;
  /** True when the request had its effect. */
  changed(w: World): Promise<boolean>;
}

const newPassword = 'another quiet morning';
const alive = async (client: ApiClient) => (await client.get('/api/v1/me')).status === 200;

const cases: Case[] = [
  {
    name: 'POST /accounts',
    send: (w, h) => w.victim.post('/api/v1/accounts', { email: 'eve@example.com', password }, h),
    success: 201,
    changed: async (w) => (await signInStatus(w.server, 'eve@example.com', password)) === 200,
  },
  {
    name: 'POST /session (login CSRF into the attacker account)',
    send: (w, h) => w.victim.post('/api/v1/session', { email: 'mallory@example.com', password }, h),
    success: 200,
    changed: async (w) =>
      ((await (await w.victim.get('/api/v1/me')).json()) as { email?: string }).email ===
      'mallory@example.com',
  },
  {
    name: 'DELETE /session',
    send: (w, h) => w.victim.delete('/api/v1/session', h),
    success: 204,
    changed: async (w) => !(await alive(w.victim)),
  },
  {
    name: 'POST /me/confirm-password',
    send: (w, h) => w.victim.post('/api/v1/me/confirm-password', { password }, h),
    success: 204,
    changed: async (w) => tokenOf(w.victim) !== w.tokenAtStart,
  },
  {
    name: 'DELETE /me/sessions/{id}',
    send: (w, h) => w.victim.delete(`/api/v1/me/sessions/${w.phoneSessionId}`, h),
    success: 204,
    changed: async (w) => !(await alive(w.phone)),
  },
  {
    name: 'POST /me/sessions/revoke-others',
    send: (w, h) => w.victim.post('/api/v1/me/sessions/revoke-others', undefined, h),
    success: 200,
    changed: async (w) => !(await alive(w.phone)),
  },
  {
    name: 'POST /me/password',
    send: (w, h) => w.victim.post('/api/v1/me/password', { currentPassword: password, newPassword }, h),
    success: 204,
    changed: async (w) => (await signInStatus(w.server, 'ann@example.com', newPassword)) === 200,
  },
  {
    name: 'POST /password-reset',
    send: (w, h) => w.victim.post('/api/v1/password-reset', { email: 'ann@example.com' }, h),
    success: 202,
    changed: async (w) =>
      (await outbox(w.server)).filter((m) => m.subject === 'Reset your password').length > 1,
  },
  {
    name: 'POST /password-reset/complete',
    send: (w, h) =>
      w.victim.post('/api/v1/password-reset/complete', { token: w.resetToken, password: newPassword }, h),
    success: 204,
    changed: async (w) => (await signInStatus(w.server, 'ann@example.com', newPassword)) === 200,
  },
];

const hostile: Array<Record<string, string>> = [
  { origin: 'https://evil.example' },
  { 'sec-fetch-site': 'cross-site' },
  { 'sec-fetch-site': 'same-site' },
  { origin: 'null' },
  { origin: 'http://localhost:3000.evil.example' },
  { origin: 'https://localhost:3000' },
  { origin: 'http://localhost:3001' },
  { origin: `${origin}`, 'sec-fetch-site': 'cross-site' },
];

describe('cross-origin requests against every state-changing endpoint (T-CSRF-1)', () => {
  let w: World;
  beforeEach(async () => {
    const server = await testServer();
    await signedInUser(server, 'mallory@example.com');
    const victim = await signedInUser(server, 'ann@example.com');
    const phone = await anotherDevice(server);
    expect((await victim.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const sessions = (await (await victim.get('/api/v1/me/sessions')).json()) as Array<{
      id: string;
      current: boolean;
    }>;
    const phoneSessionId = sessions.find((s) => !s.current)!.id;
    w = {
      server,
      victim,
      phone,
      phoneSessionId,
      resetToken: await resetToken(server),
      tokenAtStart: tokenOf(victim),
    };
  });
  afterEach(() => w.server.close());

  it.each(cases)('refuses $name from another site, with no effect, and accepts it from ours', async (c) => {
    for (const headers of hostile) {
      await expectProblem(await c.send(w, headers), 403, 'cross_origin');
    }
    expect(tokenOf(w.victim)).toBe(w.tokenAtStart);
    expect(await alive(w.victim)).toBe(true);
    expect(await c.changed(w)).toBe(false);

    const answer = await c.send(w, { origin, 'sec-fetch-site': 'same-origin' });
    expect(answer.status).toBe(c.success);
    expect(await c.changed(w)).toBe(true);
  });
});

describe('GET never changes state', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('ignores GET and HEAD on every state-changing path, and method-override tricks', async () => {
    const victim = await signedInUser(server);
    const phone = await anotherDevice(server);
    await victim.post('/api/v1/me/confirm-password', { password });
    const paths = [
      '/api/v1/session',
      '/api/v1/session?_method=DELETE',
      '/api/v1/me/sessions/revoke-others',
      '/api/v1/me/confirm-password?password=a%20calm%20lake%20at%20dawn',
      '/api/v1/me/password?currentPassword=a%20calm%20lake%20at%20dawn&newPassword=xyzzy%20plugh%20quux',
      '/api/v1/password-reset?email=ann@example.com',
      '/api/v1/accounts?email=eve@example.com&password=a%20calm%20lake%20at%20dawn',
    ];
    for (const path of paths) {
      for (const method of ['GET', 'HEAD']) {
        const answer = await victim.send(method, path, undefined, {
          'x-http-method-override': 'POST',
          'x-method-override': 'DELETE',
          origin: 'https://evil.example',
        });
        expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${method} ${path}`).toBeLessThan(500);
      }
    }
    expect(await alive(victim)).toBe(true);
    expect(await alive(phone)).toBe(true);
    expect(await outbox(server)).toEqual([]);
    expect(await signInStatus(server, 'eve@example.com', password)).toBe(401);
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(200);
  });

  it('lets no other site read an answer: no CORS grant, even to a preflight', async () => {
    const victim = await signedInUser(server);
    const read = await victim.get('/api/v1/me', { origin: 'https://evil.example' });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await victim.send('OPTIONS', '/api/v1/me/password', undefined, {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('treats a non-browser client without Origin as a client with its own cookies', async () => {
    const cli = apiClient(server.app);
    expect((await cli.post('/api/v1/accounts', { email: 'cli@example.com', password })).status).toBe(201);
  });
});
