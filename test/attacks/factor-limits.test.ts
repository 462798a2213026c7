import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/client.js';
import { outbox, userWithPhone } from '../support/code-methods.js';
import { testServer } from '../support/test-server.js';
import { pendingSignIn, userWithTotp } from '../support/two-factor.js';
import { expectProblem, type Server } from './fixtures.js';

/** A six-digit code that is not `right`. */
const wrongFor = (right: string) => (right === '000000' ? '111111' : '000000');

async function auditTypes(server: Server, client: ApiClient): Promise<string[]> {
  const me = (await (await client.get('/api/v1/me')).json()) as { id: string };
  return (await server.deps.store.audit.listForUser(me.id, 200)).map((e) => e.type);
}

async function expectLockedOut(server: Server, client: ApiClient, answer: Response): Promise<void> {
  await expectProblem(answer, 429, 'rate_limited');
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  const types = await auditTypes(server, client);
  expect(types.filter((t) => t === 'second_factor_failed')).toHaveLength(10);
  expect(types).toContain('second_factor_locked');
  const mail = (await outbox(server)).filter(
    (m) => m.subject === 'Sign-in attempts on your account were blocked',
  );
  expect(mail).toHaveLength(1);
}

describe('every path that checks a second factor shares one limit on wrong codes', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('signing in: the eleventh wrong code in 15 minutes is refused with Retry-After', async () => {
    const { client, app } = await userWithTotp(server);
    const wrong = wrongFor(app.code());
    for (let attempt = 0; attempt < 2; attempt++) {
      const { client: pending } = await pendingSignIn(server);
      for (let i = 0; i < 5; i++) {
        const answer = await pending.post('/api/v1/session/second-factor', { type: 'totp', code: wrong });
        expect(answer.status).toBe(400);
      }
    }
    const { client: pending } = await pendingSignIn(server);
    const answer = await pending.post('/api/v1/session/second-factor', { type: 'totp', code: app.code() });
    await expectLockedOut(server, client, answer);
  });

  it('turning 2FA off: wrong codes count, and the right one is refused after ten', async () => {
    const { client, app, methodId } = await userWithTotp(server);
    const wrong = wrongFor(app.code());
    for (let i = 0; i < 10; i++) {
      const answer = await client.send('DELETE', `/api/v1/me/methods/${methodId}`, { code: wrong });
      await expectProblem(answer, 401, 'second_factor_required');
    }
    const right = await client.send('DELETE', `/api/v1/me/methods/${methodId}`, { code: app.code() });
    await expectLockedOut(server, client, right);
    const me = (await (await client.get('/api/v1/me')).json()) as { twoFactor: { enabled: boolean } };
    expect(me.twoFactor.enabled).toBe(true);
  });

  it('confirming a set-up: wrong codes count and are audited', async () => {
    const { client } = await userWithTotp(server);
    const added = await client.post('/api/v1/me/methods', { type: 'totp', label: 'Tablet' });
    const { id } = (await added.json()) as { id: string };
    for (let i = 0; i < 10; i++) {
      const answer = await client.post(`/api/v1/me/methods/${id}/confirm`, { code: '000000' });
      expect(answer.status).toBe(400);
    }
    const answer = await client.post(`/api/v1/me/methods/${id}/confirm`, { code: '000000' });
    await expectLockedOut(server, client, answer);
  });

  it('changing a destination: wrong codes count and are audited', async () => {
    const { client, smsId } = await userWithPhone(server);
    const started = await client.put(`/api/v1/me/methods/${smsId}`, { phone: '+31687654321' });
    expect(started.status).toBe(202);
    for (let i = 0; i < 10; i++) {
      const answer = await client.post(`/api/v1/me/methods/${smsId}/destination/confirm`, { code: '000000' });
      expect(answer.status).toBe(400);
    }
    const answer = await client.post(`/api/v1/me/methods/${smsId}/destination/confirm`, { code: '000000' });
    await expectLockedOut(server, client, answer);
  });

  it('counts wrong codes on every path against one budget, so switching paths wins nothing', async () => {
    const { client, app, methodId } = await userWithTotp(server);
    const wrong = wrongFor(app.code());
    for (let i = 0; i < 5; i++) {
      await client.send('DELETE', `/api/v1/me/methods/${methodId}`, { code: wrong });
    }
    const { client: pending } = await pendingSignIn(server);
    for (let i = 0; i < 5; i++) {
      await pending.post('/api/v1/session/second-factor', { type: 'totp', code: wrong });
    }
    const created = await client.post('/api/v1/me/methods', { type: 'email', address: 'ann@work.example' });
    const { id } = (await created.json()) as { id: string };
    const confirm = await client.post(`/api/v1/me/methods/${id}/confirm`, { code: '000000' });
    await expectProblem(confirm, 429, 'rate_limited');
  });

  it('counts parallel wrong codes in full', async () => {
    const { client, app, methodId } = await userWithTotp(server);
    const wrong = wrongFor(app.code());
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        client.send('DELETE', `/api/v1/me/methods/${methodId}`, { code: wrong }),
      ),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(10);
  });
});
