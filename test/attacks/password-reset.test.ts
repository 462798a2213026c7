import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disableUser } from '../../src/app/accounts/administer-users.js';
import { apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';
import { userWithTotp } from '../support/two-factor.js';
import {
  anotherDevice,
  expectProblem,
  minutes,
  outbox,
  password,
  resetToken,
  type Server,
  sessionCookieSet,
  signedInUser,
  signInStatus,
  tokenOf,
  withToken,
} from './fixtures.js';

const newPassword = 'another quiet morning';
const complete = (server: Server, token: string, pw = newPassword) =>
  apiClient(server.app).post('/api/v1/password-reset/complete', { token, password: pw });

describe('password reset (T-RESET-1)', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
    await signedInUser(server);
  });
  afterEach(() => server.close());

  it('answers a known and an unknown address the same, and mails only the owner', async () => {
    const client = apiClient(server.app);
    const known = await client.post('/api/v1/password-reset', { email: 'ann@example.com' });
    const unknown = await client.post('/api/v1/password-reset', { email: 'nobody@example.com' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await unknown.text()).toBe(await known.text());
    expect(unknown.headers.get('content-type')).toBe(known.headers.get('content-type'));
    expect((await outbox(server)).map((m) => m.to)).toEqual(['ann@example.com']);
  });

  it('builds the link from the configured public URL, never from Host or X-Forwarded-Host', async () => {
    const poisoned = await server.app.request(
      'http://evil.example/api/v1/password-reset',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          host: 'evil.example',
          'x-forwarded-host': 'evil.example',
          'x-forwarded-proto': 'https',
          forwarded: 'host=evil.example;proto=https',
        },
        body: JSON.stringify({ email: 'ann@example.com' }),
      },
      { incoming: { socket: { remoteAddress: '203.0.113.10' } } },
    );
    expect(poisoned.status).toBe(202);
    const [mail] = await outbox(server);
    expect(mail?.text).toMatch(/http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9_-]{43}\b/);
    expect(mail?.text).not.toContain('evil.example');
  });

  it('carries at least 128 random bits in the link', async () => {
    const tokens = new Set([await resetToken(server), await resetToken(server)]);
    expect(tokens.size).toBe(2);
    for (const token of tokens) expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('works once: the second use gets 400 reset_token_invalid', async () => {
    const token = await resetToken(server);
    expect((await complete(server, token)).status).toBe(204);
    await expectProblem(await complete(server, token, 'yet another passphrase'), 400, 'reset_token_invalid');
    expect(await signInStatus(server, 'ann@example.com', newPassword)).toBe(200);
  });

  it('works once when used twice in parallel: exactly one 204', async () => {
    const token = await resetToken(server);
    const answers = await Promise.all([
      complete(server, token, 'first racing passphrase'),
      complete(server, token, 'second racing passphrase'),
      complete(server, token, 'third racing passphrase'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([204, 400, 400]);
    const winners = await Promise.all(
      ['first', 'second', 'third'].map((w) =>
        signInStatus(server, 'ann@example.com', `${w} racing passphrase`),
      ),
    );
    expect(winners.filter((s) => s === 200)).toHaveLength(1);
  });

  it('expires after 30 minutes', async () => {
    const token = await resetToken(server);
    server.clock.advance(minutes(30));
    await expectProblem(await complete(server, token), 400, 'reset_token_invalid');
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(200);
  });

  it('still works after 29 minutes', async () => {
    const token = await resetToken(server);
    server.clock.advance(minutes(29));
    expect((await complete(server, token)).status).toBe(204);
  });

  it('ends every session and signs nobody in (T-RESET-1)', async () => {
    const laptop = apiClient(server.app);
    await laptop.post('/api/v1/session', { email: 'ann@example.com', password });
    const phone = await anotherDevice(server);
    const heldAtReset = tokenOf(laptop);
    const token = await resetToken(server);
    const answer = await laptop.post('/api/v1/password-reset/complete', { token, password: newPassword });
    expect(answer.status).toBe(204);
    expect(sessionCookieSet(answer)).toBeUndefined();
    await expectProblem(await withToken(server, heldAtReset), 401, 'not_signed_in');
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(401);
  });

  it('still asks a 2FA user for the second factor after a reset (T-RESET-1)', async () => {
    await userWithTotp(server, 'bob@example.com');
    expect((await complete(server, await resetToken(server, 'bob@example.com'))).status).toBe(204);
    const client = apiClient(server.app);
    const answer = await client.post('/api/v1/session', { email: 'bob@example.com', password: newPassword });
    expect(await answer.json()).toMatchObject({ state: 'second_factor' });
    await expectProblem(await client.get('/api/v1/me'), 401, 'not_signed_in');
  });

  it('tells the owner by e-mail that the password was reset (T-LOG-3)', async () => {
    await complete(server, await resetToken(server));
    const mail = (await outbox(server)).find((m) => m.subject === 'Your password was reset');
    expect(mail).toMatchObject({ to: 'ann@example.com' });
    expect(mail?.text).not.toContain(newPassword);
  });

  it('refuses a common password without spending the link', async () => {
    const token = await resetToken(server);
    await expectProblem(await complete(server, token, 'password123'), 422, 'password_too_common');
    expect((await complete(server, token)).status).toBe(204);
  });

  it('refuses made-up, truncated and other users’ tokens', async () => {
    const token = await resetToken(server);
    for (const forged of ['A'.repeat(43), token.slice(0, -1), `${token}A`, token.toLowerCase()]) {
      if (forged === token) continue;
      await expectProblem(await complete(server, forged), 400, 'reset_token_invalid');
    }
    expect(await signInStatus(server, 'ann@example.com', password)).toBe(200);
  });

  it('kills pending links when the password is changed', async () => {
    const token = await resetToken(server);
    const laptop = apiClient(server.app);
    await laptop.post('/api/v1/session', { email: 'ann@example.com', password });
    await laptop.post('/api/v1/me/password', {
      currentPassword: password,
      newPassword: 'changed in between',
    });
    await expectProblem(await complete(server, token), 400, 'reset_token_invalid');
  });

  it('kills pending links of a disabled account, and mails it no new ones', async () => {
    const token = await resetToken(server);
    await disableUser(server.deps, 'ann@example.com', { ip: '127.0.0.1', userAgent: 'cli', locale: 'en' });
    await expectProblem(await complete(server, token), 400, 'reset_token_invalid');
    const before = (await outbox(server)).length;
    expect(
      (await apiClient(server.app).post('/api/v1/password-reset', { email: 'ann@example.com' })).status,
    ).toBe(202);
    expect(await outbox(server)).toHaveLength(before);
  });

  it('limits reset requests per address and network, known or not, whatever the spelling', async () => {
    const ask = (email: string, ip: string) =>
      apiClient(server.app, { ip }).post('/api/v1/password-reset', { email });
    for (const email of ['ann@example.com', 'ANN@example.com', 'Ann@Example.com']) {
      expect((await ask(email, '198.51.100.1')).status).toBe(202);
    }
    const limited = await ask(' ann@example.COM', '198.51.100.1');
    await expectProblem(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await outbox(server)).filter((m) => m.subject === 'Reset your password')).toHaveLength(3);
    for (let i = 0; i < 3; i++) await ask('nobody@example.com', '198.51.100.9');
    await expectProblem(await ask('nobody@example.com', '198.51.100.9'), 429, 'rate_limited');
  });
});
