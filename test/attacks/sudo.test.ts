import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';
import {
  anotherDevice,
  expectProblem,
  minutes,
  password,
  type Server,
  signedInUser,
  tokenOf,
  withToken,
} from './fixtures.js';

async function sessionIds(client: ApiClient): Promise<{ mine: string; others: string[] }> {
  const list = (await (await client.get('/api/v1/me/sessions')).json()) as Array<{
    id: string;
    current: boolean;
  }>;
  return { mine: list.find((s) => s.current)!.id, others: list.filter((s) => !s.current).map((s) => s.id) };
}

describe('sudo mode (T-SESSION-5)', () => {
  let server: Server;
  let laptop: ApiClient;
  let phone: ApiClient;
  beforeEach(async () => {
    server = await testServer();
    laptop = await signedInUser(server);
    phone = await anotherDevice(server);
  });
  afterEach(() => server.close());

  it('refuses to revoke another device or all others without sudo', async () => {
    const { others } = await sessionIds(laptop);
    await expectProblem(await laptop.delete(`/api/v1/me/sessions/${others[0]}`), 403, 'sudo_required');
    await expectProblem(await laptop.post('/api/v1/me/sessions/revoke-others'), 403, 'sudo_required');
    expect((await phone.get('/api/v1/me')).status).toBe(200);
  });

  it('revokes another device after the password is confirmed', async () => {
    expect((await laptop.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const { others } = await sessionIds(laptop);
    expect((await laptop.delete(`/api/v1/me/sessions/${others[0]}`)).status).toBe(204);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
  });

  it('revokes all other devices after the password is confirmed', async () => {
    const tablet = await anotherDevice(server);
    expect((await laptop.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const answer = await laptop.post('/api/v1/me/sessions/revoke-others');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ended: 2 });
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await tablet.get('/api/v1/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
  });

  it('ends sudo after 10 minutes', async () => {
    await laptop.post('/api/v1/me/confirm-password', { password });
    server.clock.advance(minutes(10));
    await expectProblem(await laptop.post('/api/v1/me/sessions/revoke-others'), 403, 'sudo_required');
    expect((await phone.get('/api/v1/me')).status).toBe(200);
  });

  it('still allows it just before the 10 minutes are up', async () => {
    await laptop.post('/api/v1/me/confirm-password', { password });
    server.clock.advance(minutes(10) - 1000);
    expect((await laptop.post('/api/v1/me/sessions/revoke-others')).status).toBe(200);
  });

  it('keeps sudo in the session that confirmed: another session of the same user is not in sudo', async () => {
    await laptop.post('/api/v1/me/confirm-password', { password });
    await expectProblem(await phone.post('/api/v1/me/sessions/revoke-others'), 403, 'sudo_required');
    const { others } = await sessionIds(phone);
    await expectProblem(await phone.delete(`/api/v1/me/sessions/${others[0]}`), 403, 'sudo_required');
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
  });

  it('opens no sudo for a wrong password', async () => {
    const wrong = await laptop.post('/api/v1/me/confirm-password', { password: 'not my password' });
    await expectProblem(wrong, 403, 'wrong_password');
    await expectProblem(await laptop.post('/api/v1/me/sessions/revoke-others'), 403, 'sudo_required');
  });

  it('renews the session token at confirmation: the token from before gets 401', async () => {
    const before = tokenOf(laptop);
    expect((await laptop.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    expect(tokenOf(laptop)).not.toBe(before);
    expect((await withToken(server, before)).status).toBe(401);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
  });

  it('does not carry sudo over to a token stolen before the confirmation', async () => {
    const stolen = tokenOf(laptop);
    await laptop.post('/api/v1/me/confirm-password', { password });
    expect((await withToken(server, stolen, '/api/v1/me/sessions/revoke-others', 'POST')).status).toBe(401);
    expect((await phone.get('/api/v1/me')).status).toBe(200);
  });

  it('does not open sudo by signing in again', async () => {
    await laptop.post('/api/v1/session', { email: 'ann@example.com', password });
    await expectProblem(await laptop.post('/api/v1/me/sessions/revoke-others'), 403, 'sudo_required');
  });

  it('gives no sudo to a session that was never signed in', async () => {
    const revoke = await withToken(server, 'x'.repeat(43), '/api/v1/me/sessions/revoke-others', 'POST');
    await expectProblem(revoke, 401, 'not_signed_in');
    const confirm = await withToken(server, 'x', '/api/v1/me/confirm-password', 'POST', { password });
    await expectProblem(confirm, 401, 'not_signed_in');
  });
});
