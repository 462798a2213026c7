import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem, resetToken } from '../attacks/fixtures.js';
import { apiClient } from '../support/client.js';
import {
  firefoxOnWindows,
  passwordStep,
  rememberCookie,
  signInRemembering,
  signOut,
  totpStep,
} from '../support/remembered-devices.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { password, userWithTotp } from '../support/two-factor.js';

const day = 24 * 3600 * 1000;

type Device = { id: string; deviceName: string; current: boolean; createdAt: string; expiresAt: string };

async function activity(client: ReturnType<typeof apiClient>) {
  return ((await (await client.get('/api/v1/me/activity')).json()) as Array<{ type: string }>).map(
    (e) => e.type,
  );
}

describe('remember this device (API)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('skips the second step after the right password, and says so in the activity', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app, { userAgent: firefoxOnWindows });
    const answer = await signInRemembering(server, laptop, app);
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith(`${rememberCookie}=`));
    expect(cookie).toMatch(/; Max-Age=2592000/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);

    await signOut(laptop);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    server.clock.advance(60_000);
    expect(await passwordStep(laptop)).toEqual({ status: 200, body: { state: 'signed_in' } });
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    const events = await activity(laptop);
    expect(events[0]).toBe('second_factor_remembered');
    expect(events).toContain('device_remembered');

    const devices = (await (await laptop.get('/api/v1/me/remembered-devices')).json()) as Device[];
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({
      deviceName: 'Firefox on Windows',
      current: true,
      createdAt: '2026-11-23T09:00:30.000Z',
      expiresAt: '2026-12-23T09:00:30.000Z',
      lastUsedAt: '2026-11-23T09:02:00.000Z',
      ip: '203.0.113.10',
    });
  });

  it('asks again when the box was not ticked', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await passwordStep(laptop);
    expect((await totpStep(server, laptop, app, false)).status).toBe(200);
    expect(laptop.jar.has(rememberCookie)).toBe(false);
    await signOut(laptop);
    expect((await passwordStep(laptop)).body.state).toBe('second_factor');
  });

  it('asks again once the period is over (30 days by default)', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    await signOut(laptop);
    server.clock.advance(30 * day - 60_000);
    expect((await passwordStep(laptop)).body.state).toBe('signed_in');
    await signOut(laptop);
    server.clock.advance(60_000);
    expect((await passwordStep(laptop)).body.state).toBe('second_factor');
  });

  it('a period shortened later also ends devices remembered before', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    await signOut(laptop);
    server.clock.advance(8 * day);
    // What an operator's or organisation's shorter limit does through rememberDeviceDays().
    server.deps.settings.rememberDeviceDays = 7;
    expect((await passwordStep(laptop)).body.state).toBe('second_factor');
  });

  it('forgets one device, or all, and those ask again', async () => {
    const { app, client: phone } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    const tablet = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    await signInRemembering(server, tablet, app);
    const devices = (await (await phone.get('/api/v1/me/remembered-devices')).json()) as Device[];
    expect(devices.map((d) => d.current)).toEqual([false, false]);
    const laptopDevice = (
      (await (await laptop.get('/api/v1/me/remembered-devices')).json()) as Device[]
    ).find((d) => d.current)!;

    expect((await phone.delete(`/api/v1/me/remembered-devices/${laptopDevice.id}`)).status).toBe(204);
    await expectProblem(
      await phone.delete(`/api/v1/me/remembered-devices/${laptopDevice.id}`),
      404,
      'not_found',
    );
    await signOut(laptop);
    expect((await passwordStep(laptop)).body.state).toBe('second_factor');
    await signOut(tablet);
    expect((await passwordStep(tablet)).body.state).toBe('signed_in');

    expect((await phone.delete('/api/v1/me/remembered-devices')).status).toBe(204);
    expect(await (await phone.get('/api/v1/me/remembered-devices')).json()).toEqual([]);
    await signOut(tablet);
    expect((await passwordStep(tablet)).body.state).toBe('second_factor');
    const events = await activity(phone);
    expect(events).toContain('remembered_devices_forgotten');
    expect(events).toContain('remembered_device_forgotten');
  });

  it('forgets every device when the password changes', async () => {
    const { app, client: phone } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    const newPassword = 'a different calm lake';
    const changed = await phone.post('/api/v1/me/password', { currentPassword: password, newPassword });
    expect(changed.status).toBe(204);
    expect(await (await phone.get('/api/v1/me/remembered-devices')).json()).toEqual([]);
    expect((await passwordStep(laptop, 'ann@example.com', newPassword)).body.state).toBe('second_factor');
  });

  it('forgets every device when the password is reset', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    const newPassword = 'a different calm lake';
    const token = await resetToken(server);
    const reset = await apiClient(server.app).post('/api/v1/password-reset/complete', {
      token,
      password: newPassword,
    });
    expect(reset.status).toBe(204);
    expect((await passwordStep(laptop, 'ann@example.com', newPassword)).body.state).toBe('second_factor');
  });

  it('forgets every device when 2FA is turned off', async () => {
    const { app, client: phone, methodId } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    expect((await phone.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const off = await phone.send('DELETE', `/api/v1/me/methods/${methodId}`, { code: app.code() });
    expect(off.status).toBe(204);
    const rows = await server.db.selectFrom('remembered_devices').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('stores only the SHA-256 digest of a 256-bit token', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await signInRemembering(server, laptop, app);
    const token = laptop.jar.get(rememberCookie)!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await server.db.selectFrom('remembered_devices').selectAll().execute();
    expect(row?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('documents the routes and the field in OpenAPI', async () => {
    const doc = (await (await apiClient(server.app).get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(doc.paths['/me/remembered-devices'] ?? {}).sort()).toEqual(['delete', 'get']);
    expect(Object.keys(doc.paths['/me/remembered-devices/{id}'] ?? {})).toEqual(['delete']);
    expect(doc.components.schemas.SecondFactor?.properties).toHaveProperty('rememberDevice');
  });
});

describe('remember this device turned off (TWOSTEP_REMEMBER_DEVICE_DAYS=0)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer({ env: { TWOSTEP_REMEMBER_DEVICE_DAYS: '0' } });
  });
  afterEach(() => server.close());

  it('refuses rememberDevice: true with 400 and spends nothing; false is fine', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    await passwordStep(laptop);
    const code = app.code();
    const refused = await laptop.post('/api/v1/session/second-factor', {
      type: 'totp',
      code,
      rememberDevice: true,
    });
    await expectProblem(refused, 400, 'invalid_input');
    expect(laptop.jar.has(rememberCookie)).toBe(false);
    const accepted = await laptop.post('/api/v1/session/second-factor', {
      type: 'totp',
      code,
      rememberDevice: false,
    });
    expect(accepted.status).toBe(200);
    expect(laptop.jar.has(rememberCookie)).toBe(false);
  });
});

describe('remember this device over https', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer({ env: { TWOSTEP_PUBLIC_URL: 'https://id.example.com' } });
  });
  afterEach(() => server.close());

  it('sets a __Host- cookie that is Secure, HttpOnly and SameSite=Lax, and honours it', async () => {
    const { app } = await userWithTotp(server);
    const laptop = apiClient(server.app);
    expect((await passwordStep(laptop)).body.state).toBe('second_factor');
    const answer = await totpStep(server, laptop, app, true);
    expect(answer.status).toBe(200);
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('__Host-twostep_remember='));
    expect(cookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(cookie).not.toMatch(/; Domain=/);
    expect(laptop.jar.has(rememberCookie)).toBe(false);
    await signOut(laptop);
    expect((await passwordStep(laptop)).body.state).toBe('signed_in');
  });
});
