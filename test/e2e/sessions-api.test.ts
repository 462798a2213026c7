import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disableUser } from '../../src/app/accounts/administer-users.js';
import {
  anotherDevice,
  expectProblem,
  minutes,
  password,
  type Server,
  signedInUser,
  tokenOf,
  withToken,
} from '../attacks/fixtures.js';
import type { ApiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';

interface Listed {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string;
  ip: string;
}

const list = async (client: ApiClient) =>
  (await (await client.get('/api/v1/me/sessions')).json()) as Listed[];
const operator = { ip: '127.0.0.1', userAgent: 'twostep cli', locale: 'en' as const };

describe('sessions through the API', () => {
  let server: Server;
  let laptop: ApiClient;
  beforeEach(async () => {
    server = await testServer();
    laptop = await signedInUser(server, 'ann@example.com', { userAgent: 'Laptop/1.0', ip: '203.0.113.5' });
  });
  afterEach(() => server.close());

  it('ends a session left idle for 61 minutes (T-SESSION-4)', async () => {
    server.clock.advance(minutes(61));
    await expectProblem(await laptop.get('/api/v1/me'), 401, 'not_signed_in');
    server.clock.advance(-minutes(61));
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
  });

  it('keeps a session used within the hour', async () => {
    server.clock.advance(minutes(59));
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    server.clock.advance(minutes(59));
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
  });

  /** Uses the session every 50 minutes until `total` minutes after sign-in; returns the statuses. */
  async function keepBusy(total: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let elapsed = 50; elapsed <= total; elapsed += 50) {
      server.clock.advance(minutes(50));
      statuses.push((await laptop.get('/api/v1/me')).status);
    }
    return statuses;
  }

  it('ends a session 24 hours after sign-in however busy it is (T-SESSION-4)', async () => {
    const statuses = await keepBusy(24 * 60 + 50);
    expect(statuses.slice(0, 28)).toEqual(Array(28).fill(200));
    expect(statuses.at(-1)).toBe(401);
  });

  it('does not extend the 24 hours when the password is confirmed along the way', async () => {
    await keepBusy(23 * 60 + 20);
    server.clock.advance(minutes(35));
    expect((await laptop.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    server.clock.advance(minutes(6));
    await expectProblem(await laptop.get('/api/v1/me'), 401, 'not_signed_in');
  });

  it('signs out on the server: the cookie replayed by hand gets 401 (T-SESSION-6)', async () => {
    const token = tokenOf(laptop);
    expect((await laptop.delete('/api/v1/session')).status).toBe(204);
    expect(laptop.jar.has('twostep_session')).toBe(false);
    await expectProblem(await withToken(server, token), 401, 'not_signed_in');
  });

  it('answers sign-out without a session with 204 too', async () => {
    const token = tokenOf(laptop);
    await laptop.delete('/api/v1/session');
    expect((await withToken(server, token, '/api/v1/session', 'DELETE')).status).toBe(204);
  });

  it('kills a revoked device on its very next request (T-SESSION-3)', async () => {
    const phone = await anotherDevice(server);
    expect((await phone.get('/api/v1/me')).status).toBe(200);
    await laptop.post('/api/v1/me/confirm-password', { password });
    const target = (await list(laptop)).find((s) => !s.current)!;
    expect((await laptop.delete(`/api/v1/me/sessions/${target.id}`)).status).toBe(204);
    await expectProblem(await phone.get('/api/v1/me'), 401, 'not_signed_in');
    expect((await list(laptop)).map((s) => s.id)).not.toContain(target.id);
  });

  it('signs this device out when it revokes its own session, without sudo', async () => {
    const mine = (await list(laptop)).find((s) => s.current)!;
    expect((await laptop.delete(`/api/v1/me/sessions/${mine.id}`)).status).toBe(204);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
  });

  it("does not let one user revoke another user's session (404, and it stays alive)", async () => {
    const mallory = await signedInUser(server, 'mallory@example.com');
    await mallory.post('/api/v1/me/confirm-password', { password });
    const annSession = (await list(laptop))[0]!.id;
    await expectProblem(await mallory.delete(`/api/v1/me/sessions/${annSession}`), 404, 'not_found');
    await expectProblem(await mallory.delete('/api/v1/me/sessions/no-such-session'), 404, 'not_found');
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
  });

  it("answers another user's session id like an unknown one without sudo too (no oracle)", async () => {
    const mallory = await signedInUser(server, 'mallory@example.com');
    const annSession = (await list(laptop))[0]!.id;
    const known = await mallory.delete(`/api/v1/me/sessions/${annSession}`);
    const unknown = await mallory.delete('/api/v1/me/sessions/no-such-session');
    expect(known.status).toBe(unknown.status);
    expect(await known.text()).toBe(await unknown.text());
  });

  it("lists only the caller's sessions, current: true only for the calling one", async () => {
    const phone = await anotherDevice(server, 'ann@example.com', {
      userAgent: 'Phone/2.0',
      ip: '198.51.100.9',
    });
    await signedInUser(server, 'bob@example.com');
    const fromLaptop = await list(laptop);
    const fromPhone = await list(phone);
    expect(fromLaptop).toHaveLength(2);
    expect(fromLaptop.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['Laptop/1.0']);
    expect(fromPhone.filter((s) => s.current).map((s) => s.userAgent)).toEqual(['Phone/2.0']);
    expect(fromLaptop.map((s) => s.ip).sort()).toEqual(['198.51.100.9', '203.0.113.5']);
    for (const s of fromLaptop)
      expect(Object.keys(s).sort()).toEqual(['createdAt', 'current', 'id', 'ip', 'lastSeenAt', 'userAgent']);
  });

  it("ends a disabled user's sessions at once (T-SESSION-3)", async () => {
    const phone = await anotherDevice(server);
    await disableUser(server.deps, 'ann@example.com', operator);
    await expectProblem(await laptop.get('/api/v1/me'), 401, 'not_signed_in');
    await expectProblem(await phone.get('/api/v1/me'), 401, 'not_signed_in');
    const again = await laptop.post('/api/v1/session', { email: 'ann@example.com', password });
    await expectProblem(again, 403, 'account_disabled');
    expect(laptop.jar.has('twostep_session')).toBe(true);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
  });

  it('shows sign-in, sudo and revocations in the activity list', async () => {
    await anotherDevice(server);
    await laptop.post('/api/v1/me/confirm-password', { password });
    await laptop.post('/api/v1/me/sessions/revoke-others');
    const activity = (await (await laptop.get('/api/v1/me/activity')).json()) as Array<{ type: string }>;
    expect(activity.map((e) => e.type)).toEqual(
      expect.arrayContaining(['sign_in_succeeded', 'password_confirmed', 'other_sessions_revoked']),
    );
  });
});
