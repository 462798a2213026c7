import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { passwordStep, rememberCookie, signInRemembering, signOut } from '../support/remembered-devices.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { userWithTotp } from '../support/two-factor.js';
import { sessionCookie, withToken } from './fixtures.js';

/** Attacks on "Don't ask again on this device" (T-LOGIN-8: it skips the second factor only). */
describe('remembered device attacks', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('never skips the password: a wrong one fails exactly as without the cookie', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    await signOut(laptop);
    const stranger = apiClient(server.app);
    const withCookie = await laptop.post('/api/v1/session', {
      email: 'ann@example.com',
      password: 'not the password',
    });
    const without = await stranger.post('/api/v1/session', {
      email: 'ann@example.com',
      password: 'not the password',
    });
    expect(withCookie.status).toBe(401);
    expect(await withCookie.json()).toEqual(await without.json());
    expect(laptop.jar.has(sessionCookie)).toBe(false);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
  });

  it('is no session: the cookie alone, or its token as a session cookie, reaches nothing', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    await signOut(laptop);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/me/remembered-devices')).status).toBe(401);
    expect((await withToken(server, laptop.jar.get(rememberCookie)!)).status).toBe(401);
  });

  it('does nothing for another user on the same browser', async () => {
    const ann = await userWithTotp(server, 'ann@example.com');
    const bob = await userWithTotp(server, 'bob@example.com');
    const shared = apiClient(server.app);
    await signInRemembering(server, shared, ann.app, 'ann@example.com');
    await signOut(shared);
    expect((await passwordStep(shared, 'bob@example.com')).body.state).toBe('second_factor');
    // Bob ticks the box too; Ann's choice on this browser survives his.
    await signOut(shared);
    await signInRemembering(server, shared, bob.app, 'bob@example.com');
    await signOut(shared);
    expect((await passwordStep(shared, 'ann@example.com')).body.state).toBe('signed_in');
    await signOut(shared);
    expect((await passwordStep(shared, 'bob@example.com')).body.state).toBe('signed_in');
    expect(shared.jar.get(rememberCookie)!.split('.')).toHaveLength(2);
  });

  it('ignores a tampered or made-up cookie value', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    await signOut(laptop);
    const token = laptop.jar.get(rememberCookie)!;
    const flipped = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    for (const value of [
      flipped,
      randomBytes(32).toString('base64url'),
      `${token}x`,
      token.slice(0, 42),
      'not-a-token',
      `${'A'.repeat(43)}.${'B'.repeat(43)}`,
    ]) {
      laptop.jar.set(rememberCookie, value);
      const answer = await passwordStep(laptop);
      expect(answer, value).toEqual({
        status: 200,
        body: expect.objectContaining({ state: 'second_factor' }),
      });
    }
  });

  it('a forgotten device asks again even with its old cookie', async () => {
    const { app, client: phone } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    const saved = laptop.jar.get(rememberCookie)!;
    expect((await phone.delete('/api/v1/me/remembered-devices')).status).toBe(204);
    await signOut(laptop);
    laptop.jar.set(rememberCookie, saved);
    expect((await passwordStep(laptop)).body.state).toBe('second_factor');
  });

  it('cannot forget another user’s device: its id answers like an unknown one', async () => {
    const ann = await userWithTotp(server, 'ann@example.com');
    const bob = await userWithTotp(server, 'bob@example.com');
    const annLaptop = apiClient(server.app);
    await signInRemembering(server, annLaptop, ann.app, 'ann@example.com');
    const [device] = (await (await annLaptop.get('/api/v1/me/remembered-devices')).json()) as Array<{
      id: string;
    }>;
    const foreign = await bob.client.delete(`/api/v1/me/remembered-devices/${device!.id}`);
    const unknown = await bob.client.delete('/api/v1/me/remembered-devices/unknown-id');
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(await unknown.json());
    expect(await (await annLaptop.get('/api/v1/me/remembered-devices')).json()).toHaveLength(1);
  });

  it('is not offered to a session that still owes its second factor', async () => {
    await userWithTotp(server);
    const pending = apiClient(server.app);
    expect((await passwordStep(pending)).body.state).toBe('second_factor');
    expect((await pending.get('/api/v1/me/remembered-devices')).status).toBe(401);
    expect((await pending.delete('/api/v1/me/remembered-devices')).status).toBe(401);
  });

  it('a wrong code with the box ticked remembers nothing', async () => {
    await userWithTotp(server);
    const laptop = apiClient(server.app);
    await passwordStep(laptop);
    const wrong = await laptop.post('/api/v1/session/second-factor', {
      type: 'totp',
      code: '000000',
      rememberDevice: true,
    });
    expect(wrong.status).toBe(400);
    expect(laptop.jar.has(rememberCookie)).toBe(false);
    expect(await server.db.selectFrom('remembered_devices').selectAll().execute()).toEqual([]);
  });
});
