import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { password, seedUser, signedInUser } from '../attacks/fixtures.js';
import { apiClient } from '../support/client.js';
import { storeKinds } from '../support/databases.js';
import { origin, type TestServer, testServer } from '../support/test-server.js';
import { pendingSignIn, userWithTotp } from '../support/two-factor.js';

/** The proxy's address: the test client connects from it, and only it may name the original page. */
const proxy = '10.0.0.5';
const html = { accept: 'text/html,application/xhtml+xml' };

function rulesFile(rules: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'twostep-rules-')), 'rules.json');
  writeFileSync(file, JSON.stringify({ rules }));
  return file;
}

const rules = [
  { host: 'panel.example', path: '/admin', allow: { organizations: ['Acme'], roles: ['owner'] } },
  { host: 'panel.example', allow: { anySignedIn: true } },
  { host: '*.acme.example', allow: { organizations: ['Acme'] } },
];

const env = () => ({
  TWOSTEP_TRUSTED_PROXIES: proxy,
  TWOSTEP_FORWARD_AUTH_DOMAINS: 'panel.example,*.acme.example',
  TWOSTEP_FORWARD_AUTH_RULES: rulesFile(rules),
});

const asked = (url: string, extra: Record<string, string> = {}) => ({ 'x-original-url': url, ...extra });

describe.each(await storeKinds())('GET /auth/verify (%s)', (kind) => {
  let server: TestServer;
  afterEach(async () => server?.close());

  it('lets a signed-in user through with who they are, and stops them where no rule lets them', async () => {
    server = await testServer({ kind, env: env() });
    const ann = await signedInUser(server, 'ann@example.com', { ip: proxy });
    expect((await ann.post('/api/v1/organizations', { name: 'Acme, Inc.' })).status).toBe(201);
    const me = (await (await ann.get('/api/v1/me')).json()) as { id: string };

    const through = await ann.get('/auth/verify', asked('https://panel.example/dashboard'));
    expect(through.status).toBe(200);
    expect(through.headers.get('remote-user')).toBe(me.id);
    expect(through.headers.get('remote-email')).toBe('ann@example.com');
    expect(through.headers.get('remote-name')).toBe('ann@example.com');
    expect(through.headers.get('remote-groups')).toBe('Acme%2C Inc.');

    // "Acme, Inc." is not "Acme": the admin area and the Acme sites stay closed.
    expect((await ann.get('/auth/verify', asked('https://panel.example/admin/users'))).status).toBe(403);
    expect((await ann.get('/auth/verify', asked('https://grafana.acme.example/'))).status).toBe(403);
    expect((await ann.get('/auth/verify', asked('https://panel.example/x/../admin'))).status).toBe(403);
    expect((await ann.get('/auth/verify', asked('https://unlisted.example/'))).status).toBe(403);
  });

  it('opens the admin area to an owner of the organization the rule names, by the Traefik headers too', async () => {
    server = await testServer({ kind, env: env() });
    const bob = await signedInUser(server, 'bob@example.com', { ip: proxy });
    expect((await bob.post('/api/v1/organizations', { name: 'Acme' })).status).toBe(201);
    const forwarded = {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'panel.example',
      'x-forwarded-uri': '/admin/users?page=2',
    };
    const answer = await bob.get('/auth/verify', forwarded);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('remote-groups')).toBe('Acme');
    expect((await bob.get('/auth/verify', asked('https://grafana.acme.example/d/1'))).status).toBe(200);
  });

  it('sends a browser without a session to sign in and back, and tells an API caller 401', async () => {
    server = await testServer({ kind, env: env() });
    const visitor = apiClient(server.app, { ip: proxy });
    const page = 'https://panel.example/admin?tab=users&x=1';

    const browser = await visitor.get('/auth/verify', asked(page, html));
    expect(browser.status).toBe(302);
    const location = browser.headers.get('location')!;
    expect(location.startsWith(`${origin}/sign-in?next=`)).toBe(true);
    expect(new URL(location).searchParams.get('next')).toBe(page);

    const forNginx = await visitor.get('/auth/verify?redirect=401', asked(page, html));
    expect(forNginx.status).toBe(401);
    expect(forNginx.headers.get('location')).toBe(location);

    const api = await visitor.get('/auth/verify', asked(page));
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('never sends a browser back to a host nobody listed, nor believes headers from a stranger', async () => {
    server = await testServer({ kind, env: env() });
    const visitor = apiClient(server.app, { ip: proxy });
    for (const page of [
      'https://evil.example/',
      'https://panel.example.evil.example/',
      'https://x@panel.example/',
    ]) {
      const answer = await visitor.get('/auth/verify', asked(page, html));
      expect(answer.headers.get('location')).toBe(`${origin}/sign-in`);
    }
    const stranger = await signedInUser(server, 'eve@example.com', { ip: '203.0.113.66' });
    expect((await stranger.get('/auth/verify', asked('https://panel.example/'))).status).toBe(403);
    const anonymous = apiClient(server.app, { ip: '203.0.113.66' });
    const answer = await anonymous.get('/auth/verify', asked('https://panel.example/', html));
    expect(answer.headers.get('location')).toBe(`${origin}/sign-in`);
  });

  it('refuses a session that still owes its second factor, and passes it once the code is given', async () => {
    server = await testServer({ kind, env: env() });
    const { app, email } = await userWithTotp(server);
    const { client } = await pendingSignIn(server, email, { ip: proxy });
    expect((await client.get('/auth/verify', asked('https://panel.example/'))).status).toBe(401);
    const done = await client.post('/api/v1/session/second-factor', { type: 'totp', code: app.code() });
    expect(done.status).toBe(200);
    expect((await client.get('/auth/verify', asked('https://panel.example/'))).status).toBe(200);
    expect((await client.delete('/api/v1/session')).status).toBe(204);
    expect((await client.get('/auth/verify', asked('https://panel.example/'))).status).toBe(401);
  });

  it('denies everything to everyone when no rules file is configured', async () => {
    server = await testServer({ kind, env: { TWOSTEP_TRUSTED_PROXIES: proxy } });
    const ann = await signedInUser(server, 'ann@example.com', { ip: proxy });
    expect((await ann.get('/auth/verify', asked('https://panel.example/'))).status).toBe(403);
  });
});

describe('signing in for a site behind the proxy', () => {
  let server: TestServer;
  afterEach(async () => server?.close());

  it('returns a signed-in browser to an absolute address on a listed host, and nowhere else', async () => {
    server = await testServer({ env: env() });
    const ann = await signedInUser(server);
    const back = async (next: string) =>
      (await ann.get(`/sign-in?next=${encodeURIComponent(next)}`, html)).headers.get('location');
    expect(await back('https://panel.example/admin?x=1')).toBe('https://panel.example/admin?x=1');
    expect(await back('https://evil.example/')).toBe('/security');
    expect(await back('https://evil.example\\@panel.example/')).toBe('/security');
  });

  it('shares the session cookie with the sites under TWOSTEP_COOKIE_DOMAIN, as __Secure- over https', async () => {
    server = await testServer({
      env: { TWOSTEP_PUBLIC_URL: 'https://auth.panel.example', TWOSTEP_COOKIE_DOMAIN: 'panel.example' },
    });
    await seedUser(server, 'ann@example.com', password);
    const client = apiClient(server.app);
    const answer = await client.post('/api/v1/session', { email: 'ann@example.com', password });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('__Secure-twostep='));
    expect(cookie).toMatch(/; Domain=panel\.example/i);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect((await client.get('/api/v1/me')).status).toBe(200);
    const out = await client.delete('/api/v1/session');
    const cleared = out.headers.getSetCookie().find((line) => line.startsWith('__Secure-twostep='));
    expect(cleared).toMatch(/Domain=panel\.example/i);
    expect(cleared).toMatch(/Max-Age=0/i);
  });
});
