import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disableUser } from '../../src/app/accounts/administer-users.js';
import { apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';
import { pendingSignIn, userWithTotp } from '../support/two-factor.js';
import {
  anotherDevice,
  expectProblem,
  password,
  type Server,
  sessionCookie,
  sessionCookieSet,
  signedInUser,
  tokenOf,
  withToken,
} from './fixtures.js';

describe('attacks on the sign-in state', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('issues a new token at sign-in, and the token held before dies (T-LOGIN-3)', async () => {
    const client = await signedInUser(server);
    const before = tokenOf(client);
    expect((await client.post('/api/v1/session', { email: 'ann@example.com', password })).status).toBe(200);
    const after = tokenOf(client);
    expect(after).not.toBe(before);
    expect((await withToken(server, before)).status).toBe(401);
    expect((await withToken(server, after)).status).toBe(200);
  });

  it('gives the password-only token of a 2FA user nothing, and replaces it at the second factor (T-LOGIN-1, T-LOGIN-3)', async () => {
    const { app } = await userWithTotp(server);
    const { client, challenge } = await pendingSignIn(server);
    expect(challenge.state).toBe('second_factor');
    const pending = tokenOf(client);
    await expectProblem(await client.get('/api/v1/me'), 401, 'not_signed_in');
    await expectProblem(await client.post('/api/v1/me/confirm-password', { password }), 401, 'not_signed_in');
    const done = await client.post('/api/v1/session/second-factor', { type: 'totp', code: app.code() });
    expect(done.status).toBe(200);
    expect(tokenOf(client)).not.toBe(pending);
    await expectProblem(await withToken(server, pending), 401, 'not_signed_in');
    expect((await client.get('/api/v1/me')).status).toBe(200);
  });

  it('does not adopt a session token planted by an attacker before sign-in (fixation)', async () => {
    const client = apiClient(server.app);
    await client.post('/api/v1/accounts', { email: 'ann@example.com', password });
    const planted = 'attacker-chosen-value-AAAAAAAAAAAAAAAAAAAAAAAA';
    client.jar.set(sessionCookie, planted);
    expect((await client.post('/api/v1/session', { email: 'ann@example.com', password })).status).toBe(200);
    expect(tokenOf(client)).not.toBe(planted);
    expect((await withToken(server, planted)).status).toBe(401);
  });

  it('gives a forged, garbage or oversized cookie 401 not_signed_in', async () => {
    await signedInUser(server);
    for (const forged of ['garbage', '', 'A'.repeat(43), 'x'.repeat(5000), '%00%00', '"quoted"']) {
      await expectProblem(await withToken(server, forged), 401, 'not_signed_in');
    }
  });

  it('does not accept the public session id in place of the secret token', async () => {
    const client = await signedInUser(server);
    const [listed] = (await (await client.get('/api/v1/me/sessions')).json()) as Array<{ id: string }>;
    await expectProblem(await withToken(server, listed!.id), 401, 'not_signed_in');
  });

  it('sets no session cookie on a failed sign-in (T-LOGIN-3)', async () => {
    await signedInUser(server);
    const client = apiClient(server.app);
    const wrong = await client.post('/api/v1/session', {
      email: 'ann@example.com',
      password: 'wrong guess!',
    });
    expect(wrong.status).toBe(401);
    expect(sessionCookieSet(wrong)).toBeUndefined();
    const unknown = await client.post('/api/v1/session', { email: 'nobody@example.com', password });
    expect(sessionCookieSet(unknown)).toBeUndefined();
    expect(client.jar.has(sessionCookie)).toBe(false);
  });

  it('keeps the session a browser had when a later sign-in attempt fails', async () => {
    const client = await signedInUser(server);
    const held = tokenOf(client);
    await client.post('/api/v1/session', { email: 'ann@example.com', password: 'wrong guess!' });
    expect(tokenOf(client)).toBe(held);
    expect((await client.get('/api/v1/me')).status).toBe(200);
  });

  it('answers an unknown user, a wrong password, a disabled user and a 2FA user identically (T-LOGIN-4)', async () => {
    await signedInUser(server, 'ann@example.com');
    await signedInUser(server, 'bob@example.com');
    await disableUser(server.deps, 'bob@example.com', { ip: '127.0.0.1', userAgent: 'test', locale: 'en' });
    await userWithTotp(server, 'carol@example.com');
    const answers = await Promise.all(
      ['nobody@example.com', 'ann@example.com', 'bob@example.com', 'carol@example.com'].map((email) =>
        apiClient(server.app).post('/api/v1/session', { email, password: 'not the password' }),
      ),
    );
    const shapes = await Promise.all(
      answers.map(async (a) => ({
        status: a.status,
        body: await a.text(),
        type: a.headers.get('content-type'),
        cookies: a.headers.getSetCookie().filter((l) => l.startsWith(sessionCookie)),
      })),
    );
    expect(shapes[0]).toMatchObject({ status: 401, cookies: [] });
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    expect(shapes[3]).toEqual(shapes[0]);
  });

  it('ignores X-Forwarded-For from a client that is no trusted proxy (T-LOGIN-7)', async () => {
    await signedInUser(server);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const answer = await apiClient(server.app).post(
        '/api/v1/session',
        { email: 'ann@example.com', password: 'wrong guess!' },
        { 'x-forwarded-for': `198.51.100.${i + 1}` },
      );
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(30).fill(429));
  });

  it('records the socket address, not a spoofed X-Forwarded-For, in the session list', async () => {
    await signedInUser(server, 'ann@example.com', { ip: '203.0.113.7' });
    const spoofer = apiClient(server.app, { ip: '203.0.113.7' });
    await spoofer.post(
      '/api/v1/session',
      { email: 'ann@example.com', password },
      { 'x-forwarded-for': '10.0.0.1' },
    );
    const sessions = (await (await spoofer.get('/api/v1/me/sessions')).json()) as Array<{ ip: string }>;
    expect(sessions.map((s) => s.ip)).toEqual(['203.0.113.7', '203.0.113.7']);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    await server.close();
    server = await testServer({ env: { TWOSTEP_TRUSTED_PROXIES: '10.0.0.2' } });
    await signedInUser(server);
    const viaProxy = (client: string) =>
      apiClient(server.app, { ip: '10.0.0.2' }).post(
        '/api/v1/session',
        { email: 'ann@example.com', password: 'wrong guess!' },
        { 'x-forwarded-for': client },
      );
    for (let i = 0; i < 10; i++) expect((await viaProxy('198.51.100.1')).status).toBe(401);
    expect((await viaProxy('198.51.100.1')).status).toBe(429);
    // Another client behind the same proxy is another network, and garbage falls back to the proxy.
    expect((await viaProxy('198.51.100.2')).status).toBe(401);
    expect((await viaProxy('not-an-ip')).status).toBe(401);
  });

  it('gives a signed-out second device no access while the first stays signed in', async () => {
    const first = await signedInUser(server);
    const second = await anotherDevice(server);
    expect((await second.delete('/api/v1/session')).status).toBe(204);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    expect((await first.get('/api/v1/me')).status).toBe(200);
  });
});
