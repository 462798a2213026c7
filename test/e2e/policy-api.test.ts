import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem } from '../attacks/fixtures.js';
import { apiClient } from '../support/client.js';
import { addConfirmedMethod, outbox } from '../support/code-methods.js';
import { putPolicy } from '../support/policy.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { password, signUpAndIn, userWithTotp } from '../support/two-factor.js';

// Soon after the test clock's start (09:00 UTC), so that the sessions made before it still live.
const soon = { requiredFrom: '2026-11-23T10:05' };
const afterDeadline = '2026-11-23T09:06:00Z';

describe('allowed methods (T-CODE-7)', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('refuses to set up e-mail when the policy forbids it, and sends nothing', async () => {
    await putPolicy(server, { requiredFrom: null, allowedMethods: ['totp', 'sms'] });
    const client = await signUpAndIn(server);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    await expectProblem(
      await client.post('/api/v1/me/methods', { type: 'email', address: 'ann@example.com' }),
      403,
      'method_not_allowed',
    );
    await expectProblem(
      await client.post('/api/v1/me/methods', { type: 'voice', phone: '+31612345678' }),
      403,
      'method_not_allowed',
    );
    // Only the sign-up's own mail (the link that proves the address) went out.
    const sent = await outbox(server);
    expect(sent.filter((m) => !m.text.includes('/verify-email?token='))).toEqual([]);
    // What is allowed still works, and 2FA can be turned on with it.
    expect((await client.post('/api/v1/me/methods', { type: 'totp' })).status).toBe(201);
    const sms = await addConfirmedMethod(
      server,
      client,
      { type: 'sms', phone: '+31612345678' },
      '+31612345678',
    );
    expect(sms.recoveryCodes).toHaveLength(10);
  });

  it('refuses what an organization forbids even when the global policy allows it', async () => {
    const client = await signUpAndIn(server);
    const user = await server.deps.store.users.findByEmail('ann@example.com');
    await server.deps.store.organizations.create(
      { id: 'org-acme', name: 'Acme', createdAt: server.clock.now() },
      { userId: user!.id, joinedAt: server.clock.now() },
    );
    await putPolicy(server, { requiredFrom: null, allowedMethods: ['totp', 'email', 'sms', 'voice'] });
    await putPolicy(server, { requiredFrom: null, allowedMethods: ['totp'] }, 'org-acme');
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    await expectProblem(
      await client.post('/api/v1/me/methods', { type: 'sms', phone: '+31612345678' }),
      403,
      'method_not_allowed',
    );
    expect((await client.post('/api/v1/me/methods', { type: 'totp' })).status).toBe(201);
  });
});

describe('removing methods while 2FA is required', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('refuses to remove the last method after the deadline, and allows it before', async () => {
    const { client, methodId, app } = await userWithTotp(server);
    await putPolicy(server, soon);
    server.clock.set(afterDeadline);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const refused = await client.send('DELETE', `/api/v1/me/methods/${methodId}`, { code: app.code() });
    await expectProblem(refused, 409, 'last_required_method');
    const me = (await (await client.get('/api/v1/me')).json()) as { twoFactor: { enabled: boolean } };
    expect(me.twoFactor.enabled).toBe(true);
    // The refused attempt spent no code: the same code still turns 2FA off once the policy is gone.
    await server.deps.store.policies.remove('global');
    expect((await client.send('DELETE', `/api/v1/me/methods/${methodId}`, { code: app.code() })).status).toBe(
      204,
    );
  });

  it('refuses to remove the last allowed method even when a forbidden one remains', async () => {
    const { client, methodId } = await userWithTotp(server);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    await addConfirmedMethod(
      server,
      client,
      { type: 'email', address: 'ann@home.example' },
      'ann@home.example',
    );
    await putPolicy(server, { ...soon, allowedMethods: ['totp'] });
    server.clock.set(afterDeadline);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    await expectProblem(await client.delete(`/api/v1/me/methods/${methodId}`), 409, 'last_required_method');
  });

  it('refuses to remove the last backup when a backup is required and recovery codes do not count', async () => {
    const { client, methodId } = await userWithTotp(server);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const email = await addConfirmedMethod(
      server,
      client,
      { type: 'email', address: 'ann@home.example' },
      'ann@home.example',
    );
    await putPolicy(server, { ...soon, backupRequired: true, recoveryCodesCountAsBackup: false });
    server.clock.set(afterDeadline);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    await expectProblem(await client.delete(`/api/v1/me/methods/${email.id}`), 409, 'last_required_method');
    await expectProblem(await client.delete(`/api/v1/me/methods/${methodId}`), 409, 'last_required_method');
    const me = (await (await client.get('/api/v1/me')).json()) as { twoFactor: { methods: unknown[] } };
    expect(me.twoFactor.methods).toHaveLength(2);
  });

  it('lets a method go when another allowed one remains', async () => {
    const { client } = await userWithTotp(server);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const email = await addConfirmedMethod(
      server,
      client,
      { type: 'email', address: 'ann@home.example' },
      'ann@home.example',
    );
    await putPolicy(server, { ...soon, backupRequired: true });
    server.clock.set(afterDeadline);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    // The recovery codes remain the backup.
    expect((await client.delete(`/api/v1/me/methods/${email.id}`)).status).toBe(204);
  });
});

describe('primary method and backup required', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('refuses a primary without a backup, telling what to add, and accepts it once one exists', async () => {
    const { client, methodId } = await userWithTotp(server);
    await putPolicy(server, { requiredFrom: null, backupRequired: true, recoveryCodesCountAsBackup: false });
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const refused = await client.put('/api/v1/me/primary', { methodId });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { code: string; detail: string };
    expect(body.code).toBe('backup_method_required');
    expect(body.detail).toMatch(/second method/);
    await addConfirmedMethod(
      server,
      client,
      { type: 'email', address: 'ann@home.example' },
      'ann@home.example',
    );
    expect((await client.put('/api/v1/me/primary', { methodId })).status).toBe(204);
  });
});

describe('sudo window from the policy', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('ends sudo after the policy’s minutes, shorter than the server’s', async () => {
    const client = await signUpAndIn(server);
    await putPolicy(server, { requiredFrom: null, sudoMinutes: 2 });
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    server.clock.advance(2 * 60_000 - 1000);
    expect((await client.post('/api/v1/me/methods', { type: 'totp' })).status).toBe(201);
    server.clock.advance(2000);
    await expectProblem(await client.post('/api/v1/me/methods', { type: 'totp' }), 403, 'sudo_required');
  });
});

describe('remember this device, shortened by the policy', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('remembers a browser for at most the policy’s days, and not at all with 0', async () => {
    const { app } = await userWithTotp(server);
    await putPolicy(server, { requiredFrom: null, maxRememberDeviceDays: 3 });
    const laptop = apiClient(server.app);
    expect((await laptop.post('/api/v1/session', { email: 'ann@example.com', password })).status).toBe(200);
    const remembered = await laptop.post('/api/v1/session/second-factor', {
      type: 'totp',
      code: app.code(),
      rememberDevice: true,
    });
    expect(remembered.status).toBe(200);
    expect(remembered.headers.getSetCookie().join('\n')).toMatch(/Max-Age=259200\b/);
    const [device] = (await (await laptop.get('/api/v1/me/remembered-devices')).json()) as Array<{
      expiresAt: string;
    }>;
    expect(new Date(device!.expiresAt).getTime() - server.clock.now().getTime()).toBe(3 * 24 * 3600 * 1000);

    await putPolicy(server, { requiredFrom: null, maxRememberDeviceDays: 0 });
    server.clock.advance(30_000);
    const phone = apiClient(server.app);
    expect((await phone.post('/api/v1/session', { email: 'ann@example.com', password })).status).toBe(200);
    const refused = await phone.post('/api/v1/session/second-factor', {
      type: 'totp',
      code: app.code(),
      rememberDevice: true,
    });
    await expectProblem(refused, 400, 'invalid_input');
  });
});
