import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';
import {
  authenticatorFrom,
  password,
  pendingSignIn,
  signUpAndIn,
  userWithTotp,
} from '../support/two-factor.js';

type Server = Awaited<ReturnType<typeof testServer>>;

describe('authenticator app and recovery codes through the API', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('sets up an authenticator: QR, key, first code, recovery codes, other devices signed out', async () => {
    const otherDevice = await signUpAndIn(server);
    const client = apiClient(server.app);
    await client.post('/api/v1/session', { email: 'ann@example.com', password });
    expect((await client.post('/api/v1/me/methods', { type: 'totp' })).status).toBe(403);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const created = await client.post('/api/v1/me/methods', { type: 'totp', label: 'My phone' });
    expect(created.status).toBe(201);
    const enrollment = (await created.json()) as {
      id: string;
      secret: string;
      otpauthUri: string;
      qrSvg: string;
    };
    expect(enrollment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrollment.otpauthUri).toMatch(
      /^otpauth:\/\/totp\/Twostep:ann%40example\.com\?secret=[A-Z2-7]{32}&issuer=Twostep/,
    );
    expect(enrollment.qrSvg).toMatch(/^<svg[^>]+role="img"/);
    expect((await (await client.get('/api/v1/me')).json()) as object).toMatchObject({
      twoFactor: { enabled: false },
    });

    const code = authenticatorFrom(enrollment.otpauthUri, server).code();
    const confirmed = await client.post(`/api/v1/me/methods/${enrollment.id}/confirm`, { code });
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);

    expect((await otherDevice.get('/api/v1/me')).status).toBe(401);
    const me = (await (await client.get('/api/v1/me')).json()) as { twoFactor: object };
    expect(me.twoFactor).toMatchObject({
      enabled: true,
      primary: enrollment.id,
      recoveryCodesLeft: 10,
      methods: [{ id: enrollment.id, type: 'totp', label: 'My phone', lastUsedAt: expect.any(String) }],
    });
    const outbox = (await (await client.get('/dev/outbox.json')).json()) as Array<{
      subject: string;
      text: string;
    }>;
    expect(outbox[0]?.subject).toBe('Two-factor authentication is on');
    expect(outbox[0]?.text).toContain('IP address: 203.0.113.10');
    // The device as a person recognises it, not a raw User-Agent string.
    expect(outbox[0]?.text).toMatch(/Device: .+ on Linux/);
    expect(outbox[0]?.text).not.toContain('Mozilla/5.0');
  });

  it('asks for the code after the password, and only a right code signs in', async () => {
    const { app, methodId } = await userWithTotp(server);
    const { client, challenge } = await pendingSignIn(server);
    expect(challenge).toEqual({
      state: 'second_factor',
      primary: 'totp',
      methods: [
        { id: methodId, type: 'totp', label: 'Phone' },
        { id: 'recovery_code', type: 'recovery_code', label: 'Recovery code' },
      ],
    });
    const pendingCookie = client.jar.get('twostep_session');
    for (const path of ['/api/v1/me', '/api/v1/me/sessions', '/api/v1/me/activity']) {
      expect((await client.get(path)).status, path).toBe(401);
    }
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(401);
    expect((await client.post('/api/v1/me/methods', { type: 'totp' })).status).toBe(401);

    const done = await client.post('/api/v1/session/second-factor', { type: 'totp', code: app.code() });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ state: 'signed_in' });
    expect(client.jar.get('twostep_session')).not.toBe(pendingCookie);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    const stale = await server.app.request('http://localhost:3000/api/v1/me', {
      headers: { cookie: `twostep_session=${pendingCookie}` },
    });
    expect(stale.status).toBe(401);
  });

  it('accepts a code once: a replay from another sign-in fails', async () => {
    const { app } = await userWithTotp(server);
    const code = app.code();
    const first = await pendingSignIn(server);
    expect((await first.client.post('/api/v1/session/second-factor', { type: 'totp', code })).status).toBe(
      200,
    );
    const second = await pendingSignIn(server);
    const replay = await second.client.post('/api/v1/session/second-factor', { type: 'totp', code });
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ code: 'wrong_code' });
  });

  it('accepts one step of clock drift either way, not two', async () => {
    const { app } = await userWithTotp(server);
    // Two steps past the confirming code, so no step in reach has been spent yet.
    server.clock.advance(60_000);
    for (const [offset, status] of [
      [-2, 400],
      [2, 400],
      [-1, 200],
      [1, 200],
    ] as const) {
      const { client } = await pendingSignIn(server);
      const answer = await client.post('/api/v1/session/second-factor', {
        type: 'totp',
        code: app.code(offset),
      });
      expect(answer.status, `offset ${offset}`).toBe(status);
    }
  });

  it('refuses every code at or before the last accepted step (the trailing interval)', async () => {
    const { app } = await userWithTotp(server);
    server.clock.advance(60_000);
    const first = await pendingSignIn(server);
    expect(
      (await first.client.post('/api/v1/session/second-factor', { type: 'totp', code: app.code(1) })).status,
    ).toBe(200);
    const second = await pendingSignIn(server);
    expect(
      (await second.client.post('/api/v1/session/second-factor', { type: 'totp', code: app.code(0) })).status,
    ).toBe(400);
  });

  it('signs in with a recovery code once, tells the user, and shows how many are left', async () => {
    const { recoveryCodes } = await userWithTotp(server);
    const code = recoveryCodes[3]!;
    const { client } = await pendingSignIn(server);
    const typed = ` ${code.toUpperCase().replace('-', ' ')} `;
    expect(
      (await client.post('/api/v1/session/second-factor', { type: 'recovery_code', code: typed })).status,
    ).toBe(200);
    const me = (await (await client.get('/api/v1/me')).json()) as {
      twoFactor: { recoveryCodesLeft: number };
    };
    expect(me.twoFactor.recoveryCodesLeft).toBe(9);
    const outbox = (await (await client.get('/dev/outbox.json')).json()) as Array<{
      subject: string;
      text: string;
    }>;
    expect(outbox[0]).toMatchObject({ subject: 'A recovery code was used' });
    expect(outbox[0]?.text).toContain('9 recovery codes are left');
    const again = await pendingSignIn(server);
    expect(
      (await again.client.post('/api/v1/session/second-factor', { type: 'recovery_code', code })).status,
    ).toBe(400);
  });

  it('ends a pending sign-in after five wrong codes, answering each like any wrong code', async () => {
    await userWithTotp(server);
    const { client } = await pendingSignIn(server);
    const bodies: string[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await client.post('/api/v1/session/second-factor', {
        type: 'totp',
        code: String(100000 + i),
      });
      expect(answer.status).toBe(400);
      bodies.push(await answer.text());
    }
    expect(new Set(bodies).size).toBe(1);
    const after = await client.post('/api/v1/session/second-factor', { type: 'totp', code: '123456' });
    expect(after.status).toBe(401);
  });

  it('limits wrong second factors per account to 10 per 15 minutes, with an e-mail and Retry-After', async () => {
    const { app } = await userWithTotp(server);
    for (let attempt = 0; attempt < 3; attempt++) {
      const { client } = await pendingSignIn(server, 'ann@example.com', { ip: `198.51.100.${attempt}` });
      for (let i = 0; i < 4; i++)
        await client.post('/api/v1/session/second-factor', { type: 'totp', code: '000000' });
    }
    const { client } = await pendingSignIn(server, 'ann@example.com', { ip: '192.0.2.77' });
    const locked = await client.post('/api/v1/session/second-factor', { type: 'totp', code: app.code() });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const outbox = (await (await client.get('/dev/outbox.json')).json()) as Array<{ subject: string }>;
    expect(outbox.map((m) => m.subject)).toContain('Sign-in attempts on your account were blocked');
    server.clock.advance(15 * 60_000);
    const later = await pendingSignIn(server, 'ann@example.com', { ip: '192.0.2.77' });
    expect(
      (await later.client.post('/api/v1/session/second-factor', { type: 'totp', code: app.code() })).status,
    ).toBe(200);
  });

  it('lets exactly one of ten half-signed-in sessions win with the same fresh code', async () => {
    const { app } = await userWithTotp(server);
    const pendings = await Promise.all(Array.from({ length: 10 }, () => pendingSignIn(server)));
    const code = app.code();
    const answers = await Promise.all(
      pendings.map(({ client }) => client.post('/api/v1/session/second-factor', { type: 'totp', code })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  });

  it('lets exactly one of thirty racing sign-ins spend the same recovery code', async () => {
    const { recoveryCodes } = await userWithTotp(server);
    const pendings = await Promise.all(
      Array.from({ length: 30 }, (_, i) => pendingSignIn(server, 'ann@example.com', { ip: `10.0.${i}.1` })),
    );
    const answers = await Promise.all(
      pendings.map(({ client }) =>
        client.post('/api/v1/session/second-factor', { type: 'recovery_code', code: recoveryCodes[0] }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  });

  it('makes regenerated recovery codes replace the old ones', async () => {
    const { client, recoveryCodes } = await userWithTotp(server);
    expect((await client.post('/api/v1/me/recovery-codes')).status).toBe(200);
    server.clock.advance(11 * 60_000);
    expect((await client.post('/api/v1/me/recovery-codes')).status).toBe(403);
    await client.post('/api/v1/me/confirm-password', { password });
    const fresh = (await (await client.post('/api/v1/me/recovery-codes')).json()) as {
      recoveryCodes: string[];
    };
    const { client: pending } = await pendingSignIn(server);
    const old = await pending.post('/api/v1/session/second-factor', {
      type: 'recovery_code',
      code: recoveryCodes[0],
    });
    expect(old.status).toBe(400);
    const ok = await pending.post('/api/v1/session/second-factor', {
      type: 'recovery_code',
      code: fresh.recoveryCodes[0],
    });
    expect(ok.status).toBe(200);
  });

  it('turns 2FA off only with a current code, and a removed authenticator no longer signs in', async () => {
    const { client, app, methodId } = await userWithTotp(server);
    await client.post('/api/v1/me/confirm-password', { password });
    const withoutCode = await client.delete(`/api/v1/me/methods/${methodId}`);
    expect(withoutCode.status).toBe(401);
    expect(await withoutCode.json()).toMatchObject({ code: 'second_factor_required' });
    const removed = await client.send('DELETE', `/api/v1/me/methods/${methodId}`, { code: app.code() });
    expect(removed.status).toBe(204);
    expect(
      ((await (await client.get('/api/v1/me')).json()) as { twoFactor: object }).twoFactor,
    ).toMatchObject({
      enabled: false,
      recoveryCodesLeft: 0,
    });
    server.clock.advance(30_000);
    const signIn = await apiClient(server.app).post('/api/v1/session', {
      email: 'ann@example.com',
      password,
    });
    expect(await signIn.json()).toEqual({ state: 'signed_in' });
  });

  it('keeps the key encrypted at rest and never shows it again', async () => {
    const { client, secret } = await userWithTotp(server);
    const rows = await server.db.selectFrom('two_factor_methods').selectAll().execute();
    expect(rows[0]?.secret_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(await (await client.get('/api/v1/me')).text()).not.toContain(secret);
    const codes = await server.db.selectFrom('recovery_codes').selectAll().execute();
    expect(codes[0]?.code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('works with oathtool (Debian oath-toolkit), an implementation nobody here wrote', async () => {
    if (!existsSync('/usr/bin/oathtool')) {
      if (process.env.CI) throw new Error('oathtool is required in CI');
      return;
    }
    const { secret } = await userWithTotp(server);
    const at = new Date(server.clock.now().getTime()).toISOString().replace('T', ' ').slice(0, 19);
    const code = execFileSync('oathtool', ['--totp', '-b', `--now=${at} UTC`, secret])
      .toString()
      .trim();
    const { client } = await pendingSignIn(server);
    expect((await client.post('/api/v1/session/second-factor', { type: 'totp', code })).status).toBe(200);
  });
});
