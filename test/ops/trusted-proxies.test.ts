import { afterEach, describe, expect, it } from 'vitest';
import { storeKinds } from '../support/databases.js';
import { listeningServer, networkClient } from './listening-server.js';

type Server = Awaited<ReturnType<typeof listeningServer>>;
const email = 'ann@example.com';
const password = 'violet harbour quartz 1827';

describe.each(await storeKinds())('trusted proxies, over a real socket (%s)', (kind) => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  /** Signs up, signs in through the "proxy" with the given X-Forwarded-For, and returns the session's address. */
  async function addressRecordedFor(forwardedFor: string): Promise<string> {
    const send = networkClient(server!.url);
    expect((await send('POST', '/api/v1/accounts', { body: { email, password } })).status).toBe(201);
    const signIn = await send('POST', '/api/v1/session', {
      body: { email, password },
      headers: { 'x-forwarded-for': forwardedFor },
    });
    expect(signIn.status).toBe(200);
    const sessions = (await (await send('GET', '/api/v1/me/sessions')).json()) as Array<{
      ip: string;
      current: boolean;
    }>;
    return sessions.find((s) => s.current)!.ip;
  }

  it('believes X-Forwarded-For from a proxy named by its IPv4 address', async () => {
    server = await listeningServer({ kind, env: { TWOSTEP_TRUSTED_PROXIES: '127.0.0.1' } });
    expect(await addressRecordedFor('198.51.100.7')).toBe('198.51.100.7');
  });

  it('believes X-Forwarded-For from a proxy inside a configured CIDR range', async () => {
    server = await listeningServer({ kind, env: { TWOSTEP_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.0/8' } });
    expect(await addressRecordedFor('203.0.113.40, 198.51.100.8')).toBe('198.51.100.8');
  });

  it('ignores X-Forwarded-For from any other peer and warns once about that peer', async () => {
    server = await listeningServer({ kind, env: { TWOSTEP_TRUSTED_PROXIES: '10.0.0.2' } });
    expect(await addressRecordedFor('198.51.100.9')).toBe('127.0.0.1');
    const send = networkClient(server.url);
    for (let i = 0; i < 3; i++) {
      const health = await send('GET', '/healthz', { headers: { 'x-forwarded-for': '198.51.100.9' } });
      expect(health.status).toBe(200);
    }
    const warnings = server.logLines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.level === 40 && /X-Forwarded-For/.test(entry.msg));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ peer: '127.0.0.1' });
  });
});
