import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('/metrics', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('counts requests by route pattern and status and keeps latency histograms', async () => {
    const client = apiClient(server.app);
    for (let i = 0; i < 3; i++) expect((await client.get('/healthz')).status).toBe(200);
    expect((await client.get('/api/v1/me')).status).toBe(401);
    expect((await client.get('/no/such/page/4711')).status).toBe(404);

    const response = await client.get('/metrics');
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
