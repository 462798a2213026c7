import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';

type Server = Awaited<ReturnType<typeof testServer>>;

/** The value of one Prometheus sample whose labels include `labels`, or undefined. */
function sample(exposition: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of exposition.split('\n')) {
    const match = /^([a-z_:]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
  }
  return undefined;
}

const token = 'm'.repeat(40);

describe('/metrics', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer({ env: { TWOSTEP_METRICS_TOKEN: token } });
  });
  afterEach(() => server.close());

  it('counts requests by route pattern and status and keeps latency histograms', async () => {
    const client = apiClient(server.app);
    const bearer = { authorization: `Bearer ${token}` };
    for (let i = 0; i < 3; i++) expect((await client.get('/healthz')).status).toBe(200);
    expect((await client.get('/api/v1/me')).status).toBe(401);
    expect((await client.get('/no/such/page/4711')).status).toBe(404);

    const response = await client.get('/metrics', bearer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();

    const healthz = { method: 'GET', route: '/healthz' };
    expect(sample(text, 'twostep_http_requests_total', { ...healthz, status: '200' })).toBe(3);
    expect(
      sample(text, 'twostep_http_requests_total', { method: 'GET', route: '/api/v1/me', status: '401' }),
    ).toBe(1);
    expect(sample(text, 'twostep_http_request_duration_seconds_count', healthz)).toBe(3);
    expect(sample(text, 'twostep_http_request_duration_seconds_bucket', { ...healthz, le: '+Inf' })).toBe(3);
    expect(sample(text, 'twostep_http_request_duration_seconds_sum', healthz)).toBeGreaterThan(0);
    // Raw paths never become labels: an attacker's random URLs must not grow the label set.
    expect(text).not.toContain('4711');
    // The process metrics come along for the operator's dashboards.
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });
});

describe('/metrics on the main port', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('is not served when neither a metrics port nor a token is configured', async () => {
    server = await testServer();
    const response = await apiClient(server.app).get('/metrics');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('twostep_http_requests_total');
  });

  it('answers only the configured bearer token, and looks absent to everyone else', async () => {
    server = await testServer({ env: { TWOSTEP_METRICS_TOKEN: token } });
    const client = apiClient(server.app);
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${token}x`, `Basic ${token}`, token]) {
      const response = await client.get('/metrics', authorization ? { authorization } : {});
      expect(response.status, authorization).toBe(404);
    }
    expect((await client.get('/metrics', { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('is not served on the main port when metrics have a port of their own', async () => {
    server = await testServer({ env: { TWOSTEP_METRICS_PORT: '0' } });
    expect((await apiClient(server.app).get('/metrics')).status).toBe(404);
    const own = await server.metrics.app.request('http://127.0.0.1/metrics');
    expect(own.status).toBe(200);
    expect(await own.text()).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('refuses a token too short to resist guessing', () => {
    expect(() => loadConfig({ TWOSTEP_METRICS_TOKEN: 'short' })).toThrow(/TWOSTEP_METRICS_TOKEN/);
  });
});
