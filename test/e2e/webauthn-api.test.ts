import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiClient, apiClient } from '../support/client.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';
import { origin, type TestServer, testServer } from '../support/test-server.js';
import { password, pendingSignIn, signUpAndIn } from '../support/two-factor.js';

type Options = Record<string, unknown>;

/** Signs up and registers a software security key as the first method: 2FA is on. */
async function userWithKey(
  server: TestServer,
  email = 'ann@example.com',
  key = new SoftAuthenticator(origin),
) {
  const client = await signUpAndIn(server, email);
  expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  const created = await client.post('/api/v1/me/methods', { type: 'webauthn', label: 'YubiKey' });
  expect(created.status).toBe(201);
  const { id, options } = (await created.json()) as { id: string; options: Options };
  const confirmed = await client.post(`/api/v1/me/methods/${id}/confirm`, { code: key.register(options) });
  expect(confirmed.status).toBe(200);
  const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
  return { client, key, methodId: id, email, recoveryCodes };
}

async function signInOptions(client: ApiClient, methodId: string): Promise<Options> {
  const answer = await client.post('/api/v1/session/second-factor/send', { methodId });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { options: Options }).options;
}

const finish = (client: ApiClient, answer: unknown) =>
  client.post('/api/v1/session/second-factor', { type: 'webauthn', code: answer });

describe('security keys as a second factor, through the API', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('registers a key: options for our RP, attestation none, and the key turns 2FA on', async () => {
    const client = await signUpAndIn(server);
    expect((await client.post('/api/v1/me/methods', { type: 'webauthn' })).status).toBe(403);
    await client.post('/api/v1/me/confirm-password', { password });
    const created = await client.post('/api/v1/me/methods', { type: 'webauthn', label: 'YubiKey' });
    const { id, type, options } = (await created.json()) as { id: string; type: string; options: Options };
    expect(type).toBe('webauthn');
    expect(options).toMatchObject({
      rp: { id: 'localhost', name: 'Twostep' },
      user: { name: 'ann@example.com' },
      attestation: 'none',
      authenticatorSelection: { userVerification: 'preferred', authenticatorAttachment: 'cross-platform' },
    });
    expect(options.timeout).toBeLessThanOrEqual(5 * 60_000);
    const key = new SoftAuthenticator(origin);
    const confirmed = await client.post(`/api/v1/me/methods/${id}/confirm`, { code: key.register(options) });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    const me = (await (await client.get('/api/v1/me')).json()) as { twoFactor: object };
    expect(me.twoFactor).toMatchObject({
      enabled: true,
      primary: id,
      methods: [{ id, type: 'webauthn', label: 'YubiKey' }],
    });
  });

  it('asks this device’s fingerprint or face to verify its user, and refuses an answer without it', async () => {
    const client = await signUpAndIn(server);
    await client.post('/api/v1/me/confirm-password', { password });
    const created = await client.post('/api/v1/me/methods', { type: 'webauthn', attachment: 'platform' });
    const { id, options } = (await created.json()) as { id: string; options: Options };
    expect(options).toMatchObject({
      authenticatorSelection: { userVerification: 'required', authenticatorAttachment: 'platform' },
    });
    const unverified = new SoftAuthenticator(origin, { userVerified: false });
    const refused = await client.post(`/api/v1/me/methods/${id}/confirm`, {
      code: unverified.register(options, { attachment: 'platform' }),
    });
    expect(refused.status).toBe(400);
    const verified = new SoftAuthenticator(origin);
    const confirmed = await client.post(`/api/v1/me/methods/${id}/confirm`, {
      code: verified.register(options, { attachment: 'platform' }),
    });
    expect(confirmed.status).toBe(200);
  });

  it('refuses a registration made for another site', async () => {
    const client = await signUpAndIn(server);
    await client.post('/api/v1/me/confirm-password', { password });
    const { id, options } = (await (
      await client.post('/api/v1/me/methods', { type: 'webauthn' })
    ).json()) as {
      id: string;
      options: Options;
    };
    const key = new SoftAuthenticator(origin);
    const phished = key.register(options, { origin: 'https://twostep.example.net' });
    expect((await client.post(`/api/v1/me/methods/${id}/confirm`, { code: phished })).status).toBe(400);
  });

  it('signs in with password and key; the same answer again, or another sign-in’s answer, is refused', async () => {
    const { key, methodId } = await userWithKey(server);
    const { client, challenge } = await pendingSignIn(server);
    expect(challenge).toMatchObject({
      primary: 'webauthn',
      methods: [{ id: methodId, type: 'webauthn' }, { type: 'recovery_code' }],
    });
    const options = await signInOptions(client, methodId);
    expect(options).toMatchObject({
      rpId: 'localhost',
      userVerification: 'preferred',
      allowCredentials: [{ id: key.credentialId, type: 'public-key' }],
    });
    const answer = key.assert(options);
    const signedIn = await finish(client, JSON.stringify(answer));
    expect(signedIn.status).toBe(200);
    expect((await client.get('/api/v1/me')).status).toBe(200);

    const replay = await pendingSignIn(server);
    await signInOptions(replay.client, methodId);
    expect((await finish(replay.client, answer)).status).toBe(400);
  });

  it('refuses an answer signed for a look-alike site or another RP ID', async () => {
    const { key, methodId } = await userWithKey(server);
    const { client } = await pendingSignIn(server);
    const options = await signInOptions(client, methodId);
    expect(
      (await finish(client, key.assert(options, { origin: 'https://twostep.example.net' }))).status,
    ).toBe(400);
    expect((await finish(client, key.assert(options, { rpId: 'example.net' }))).status).toBe(400);
    expect((await finish(client, key.assert(options))).status).toBe(200);
  });

  it('a key of one user cannot finish another user’s sign-in', async () => {
    const ann = await userWithKey(server, 'ann@example.com');
    const bob = await userWithKey(server, 'bob@example.com');
    const { client } = await pendingSignIn(server, 'bob@example.com');
    const options = await signInOptions(client, bob.methodId);
    expect((await finish(client, ann.key.assert(options))).status).toBe(400);
    expect((await client.post('/api/v1/session/second-factor/send', { methodId: ann.methodId })).status).toBe(
      404,
    );
    expect((await finish(client, bob.key.assert(options))).status).toBe(200);
  });

  it('refuses and audits a counter that went back: a cloned key', async () => {
    const { key, methodId } = await userWithKey(
      server,
      'ann@example.com',
      new SoftAuthenticator(origin, { signCount: 10 }),
    );
    const first = await pendingSignIn(server);
    expect((await finish(first.client, key.assert(await signInOptions(first.client, methodId)))).status).toBe(
      200,
    );
    const second = await pendingSignIn(server);
    const options = await signInOptions(second.client, methodId);
    expect((await finish(second.client, key.assert(options, { signCount: 5 }))).status).toBe(400);
    const me = await server.deps.store.users.findByEmail('ann@example.com');
    const events = await server.deps.store.audit.listForUser(me!.id, 10);
    expect(events.map((e) => e.type)).toContain('security_key_clone_suspected');
    expect((await finish(second.client, key.assert(options, { signCount: 20 }))).status).toBe(200);
  });

  it('accepts a key that keeps no counter (always 0)', async () => {
    const key = new SoftAuthenticator(origin);
    const { methodId } = await userWithKey(server, 'ann@example.com', key);
    for (let i = 0; i < 2; i++) {
      const { client } = await pendingSignIn(server);
      expect(
        (await finish(client, key.assert(await signInOptions(client, methodId), { signCount: 0 }))).status,
      ).toBe(200);
    }
  });

  it('a challenge dies after five minutes', async () => {
    const { key, methodId } = await userWithKey(server);
    const { client } = await pendingSignIn(server);
    const options = await signInOptions(client, methodId);
    server.clock.advance(5 * 60_000 + 1000);
    expect((await finish(client, key.assert(options))).status).toBe(400);
  });

  it('lets racing submits of one answer sign in once', async () => {
    const { key, methodId } = await userWithKey(server);
    const pending = await pendingSignIn(server);
    const answer = key.assert(await signInOptions(pending.client, methodId));
    const cookie = [...pending.client.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const racers = Array.from({ length: 5 }, () => apiClient(server.app));
    const results = await Promise.all(
      racers.map((r) =>
        r.post('/api/v1/session/second-factor', { type: 'webauthn', code: answer }, { cookie }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('renames a key like any method; garbage answers are a 400', async () => {
    const { client, methodId } = await userWithKey(server);
    expect((await client.send('PATCH', `/api/v1/me/methods/${methodId}`, { label: 'Blue key' })).status).toBe(
      204,
    );
    const { client: pending } = await pendingSignIn(server);
    for (const code of ['123456', '{}', '{"id":"x"}', 'x'.repeat(9000), { id: 1 }]) {
      expect((await finish(pending, code)).status).toBe(400);
    }
    expect(await client.get('/api/v1/me').then((r) => r.json())).toMatchObject({
      twoFactor: { methods: [{ label: 'Blue key' }] },
    });
  });

  it('turns 2FA off when the last key is removed with a recovery code, and forgets the key', async () => {
    const { client, methodId, recoveryCodes, key } = await userWithKey(server);
    const remove = (body: object) => client.send('DELETE', `/api/v1/me/methods/${methodId}`, body);
    expect((await remove({})).status).toBe(401);
    expect((await remove({ code: recoveryCodes[0], codeType: 'recovery_code' })).status).toBe(204);
    expect(await client.get('/api/v1/me').then((r) => r.json())).toMatchObject({
      twoFactor: { enabled: false },
    });
    expect(await server.deps.store.webauthnCredentials.findByMethod(methodId)).toBeNull();
    // The same key can be registered again.
    const again = await client.post('/api/v1/me/methods', { type: 'webauthn' });
    const { id, options } = (await again.json()) as { id: string; options: Options };
    expect(
      (await client.post(`/api/v1/me/methods/${id}/confirm`, { code: key.register(options) })).status,
    ).toBe(200);
  });
});
