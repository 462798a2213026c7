import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';

type Server = Awaited<ReturnType<typeof testServer>>;
const password = 'a calm lake at dawn';

describe('accounts and sessions through the API', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('signs up, signs in, shows me, and signs out for good', async () => {
    const client = apiClient(server.app);
    const created = await client.post('/api/v1/accounts', { email: 'Ann@Example.com', password });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ email: 'Ann@Example.com', id: expect.any(String) });

    const signedIn = await client.post('/api/v1/session', { email: 'ann@example.com', password });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toEqual({ state: 'signed_in' });
    expect(signedIn.headers.get('set-cookie')).toMatch(/twostep_session=.+HttpOnly.*SameSite=Lax/i);

    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect(await me.json()).toMatchObject({
      email: 'Ann@Example.com',
      twoFactor: { enabled: false, primary: null, methods: [], recoveryCodesLeft: 0 },
    });

    const stolenCookie = client.jar.get('twostep_session')!;
    expect((await client.delete('/api/v1/session')).status).toBe(204);
    expect((await client.get('/api/v1/me')).status).toBe(401);
    const replay = await server.app.request('http://localhost:3000/api/v1/me', {
      headers: { cookie: `twostep_session=${stolenCookie}` },
    });
    expect(replay.status).toBe(401);
  });

  it('answers an unknown address and a wrong password identically', async () => {
    const client = apiClient(server.app);
    await client.post('/api/v1/accounts', { email: 'ann@example.com', password });
    const wrong = await client.post('/api/v1/session', {
      email: 'ann@example.com',
      password: 'not the password',
    });
    const unknown = await client.post('/api/v1/session', {
      email: 'nobody@example.com',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toBe(await unknown.text());
  });

  it('gives a second sign-up for a taken address the same answer, and tells the owner', async () => {
    const client = apiClient(server.app);
    const first = await client.post('/api/v1/accounts', { email: 'ann@example.com', password });
    const second = await client.post('/api/v1/accounts', {
      email: 'ANN@example.com',
      password: 'another long phrase',
    });
    expect(second.status).toBe(201);
    expect(Object.keys((await second.json()) as object).sort()).toEqual(
      Object.keys((await first.json()) as object).sort(),
    );
    const outbox = (await (await client.get('/dev/outbox.json')).json()) as Array<{
      subject: string;
      to: string;
    }>;
    // The account's own verification link went out at the same instant: find the notice by subject.
    expect(outbox).toContainEqual(
      expect.objectContaining({
        to: 'ann@example.com',
        subject: 'Someone tried to create an account with your address',
      }),
    );
    const signIn = await client.post('/api/v1/session', {
      email: 'ann@example.com',
      password: 'another long phrase',
    });
    expect(signIn.status).toBe(401);
  });

  it('makes exactly one account of eight simultaneous sign-ups', async () => {
    const client = apiClient(server.app);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        client.post('/api/v1/accounts', { email: 'race@example.com', password }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    const users = await server.deps.store.users.list({ limit: 10, offset: 0 });
    expect(users).toHaveLength(1);
  });

  it('refuses common, short and context passwords with 422 and a reason', async () => {
    const client = apiClient(server.app);
    for (const [pw, code] of [
      ['password123', 'password_too_common'],
      ['short', 'password_too_short'],
      ['annabelle-secret', 'password_contains_context'],
    ]) {
      const answer = await client.post('/api/v1/accounts', { email: 'annabelle@example.com', password: pw });
      expect(answer.status).toBe(422);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(await answer.json()).toMatchObject({ status: 422, code });
    }
  });

  it('lets nobody sign up when the operator closed sign-up', async () => {
    const closed = await testServer({ env: { TWOSTEP_SIGNUP: 'closed' } });
    const answer = await apiClient(closed.app).post('/api/v1/accounts', { email: 'a@example.com', password });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({ code: 'signup_closed' });
    await closed.close();
  });

  it('re-hashes a password made with weaker parameters at the next sign-in', async () => {
    const client = apiClient(server.app);
    const { id } = (await (
      await client.post('/api/v1/accounts', { email: 'ann@example.com', password })
    ).json()) as {
      id: string;
    };
    const { argon2Hasher } = await import('../../src/adapters/crypto/argon2-hasher.js');
    const weak = await argon2Hasher({ memoryCost: 4096, timeCost: 1, parallelism: 1 }).hash(password);
    await server.deps.store.users.updatePasswordHash(id, weak);
    expect((await client.post('/api/v1/session', { email: 'ann@example.com', password })).status).toBe(200);
    expect((await server.deps.store.users.findById(id))?.passwordHash).toMatch(/m=19456,t=2,p=1/);
  });

  it('serves an OpenAPI document that lists the stable paths', async () => {
    const doc = (await (await apiClient(server.app).get('/api/v1/openapi.json')).json()) as { paths: object };
    for (const path of [
      '/accounts',
      '/session',
      '/me',
      '/me/confirm-password',
      '/me/sessions',
      '/me/sessions/{id}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it("answers health, readiness and metrics (to the operator's token)", async () => {
    const token = 'metrics-token-of-at-least-32-characters';
    const withMetrics = await testServer({ env: { TWOSTEP_METRICS_TOKEN: token } });
    const client = apiClient(withMetrics.app);
    expect((await client.get('/healthz')).status).toBe(200);
    expect((await client.get('/readyz')).status).toBe(200);
    const request = new Request('http://localhost:3000/metrics', {
      headers: { authorization: `Bearer ${token}` },
    });
    const metrics = await (await withMetrics.app.request(request)).text();
    await withMetrics.close();
    expect(metrics).toMatch(/twostep_http_requests_total\{method="GET",route="\/readyz",status="200"\} 1/);
    expect(metrics).toMatch(/twostep_http_request_duration_seconds_bucket/);
  });
});
