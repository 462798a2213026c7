import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';

type Server = Awaited<ReturnType<typeof testServer>>;
const email = 'ann@example.com';
const password = 'violet harbour quartz 1827';

describe('request log', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('writes one JSON line per request, by route pattern, and never the password, the session cookie or a query string', async () => {
    const client = apiClient(server.app);
    const calls: Array<[string, string, number]> = [];
    const expectStatus = async (
      method: string,
      path: string,
      response: Promise<Response>,
      status: number,
    ) => {
      expect((await response).status).toBe(status);
      calls.push([method, path, status]);
    };
    await expectStatus('POST', '/api/v1/accounts', client.post('/api/v1/accounts', { email, password }), 201);
    await expectStatus('POST', '/api/v1/session', client.post('/api/v1/session', { email, password }), 200);
    const cookie = client.jar.get('twostep_session')!;
    expect(cookie.length).toBeGreaterThan(20);
    await expectStatus('GET', '/api/v1/me', client.get('/api/v1/me?token=query-secret-7Hq2'), 200);
    await expectStatus('DELETE', '/api/v1/session', client.delete('/api/v1/session'), 204);
    // A failed sign-in carries the password too, and is logged as well.
    await expectStatus(
      'POST',
      '/api/v1/session',
      client.post('/api/v1/session', { email, password: `${password}!` }),
      401,
    );

    const logged = server.logLines.join('');
    for (const secret of [password, cookie, 'query-secret-7Hq2']) expect(logged).not.toContain(secret);

    const entries = server.logLines.map((line) => JSON.parse(line));
    const requests = entries.filter((entry) => entry.msg === 'request');
    expect(requests.map((r) => [r.method, r.route, r.status])).toEqual(calls);
    for (const entry of requests) expect(entry).not.toHaveProperty('path');
    for (const entry of requests) {
      expect(entry).toMatchObject({ level: 30, time: expect.any(Number), ms: expect.any(Number) });
    }
  });
});
