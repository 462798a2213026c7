import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/core/sessions/session-token.js';
import type { StaffRole } from '../../src/core/types.js';
import {
  type BrowserClient,
  browserClient,
  csrfIn,
  pendingBrowser,
  signedInBrowser,
} from '../pages/page-client.js';
import { type ApiClient, apiClient } from '../support/client.js';
import { grantRole, staffClient, userId } from '../support/staff.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { password, pendingSignIn, userWithTotp } from '../support/two-factor.js';

const reason = 'Lost every device; identity checked on a video call';

type Caller = 'signed out' | 'pending second factor' | 'plain user';

/** Every console API path, with a body where it takes one. */
const apiPaths = (id: string) => [
  { method: 'GET', path: '/api/v1/admin/users?email=ann%40example.com' },
  { method: 'GET', path: `/api/v1/admin/users/${id}` },
  { method: 'GET', path: `/api/v1/admin/users/${id}/audit` },
  { method: 'POST', path: `/api/v1/admin/users/${id}/sign-out` },
  { method: 'POST', path: `/api/v1/admin/users/${id}/disable` },
  { method: 'POST', path: `/api/v1/admin/users/${id}/enable` },
  { method: 'POST', path: `/api/v1/admin/users/${id}/two-factor-reset`, body: { reason } },
];

const pagePaths = (id: string) => [
  { method: 'GET', path: '/console' },
  { method: 'GET', path: '/console/users' },
  { method: 'GET', path: '/console/users?email=ann%40example.com' },
  { method: 'GET', path: `/console/users/${id}` },
  { method: 'POST', path: `/console/users/${id}/sign-out` },
  { method: 'POST', path: `/console/users/${id}/disable` },
  { method: 'POST', path: `/console/users/${id}/enable` },
  { method: 'POST', path: `/console/users/${id}/reset-2fa` },
];

/** What a successful attack would have changed about Ann. */
async function annUntouched(server: TestServer, annClient: ApiClient, id: string) {
  expect((await annClient.get('/api/v1/me')).status).toBe(200);
  const user = await server.deps.store.users.findById(id);
  expect(user?.disabledAt).toBeNull();
  expect(await server.deps.store.twoFactorResets.findPendingForUser(id)).toBeNull();
  expect((await server.deps.store.methods.listForUser(id)).length).toBe(1);
}

describe('the console refuses everyone but staff', () => {
  let server: TestServer;
  let ann: Awaited<ReturnType<typeof userWithTotp>>;
  let annId: string;
  const api = {} as Record<Caller, ApiClient>;
  const pages = {} as Record<Caller, BrowserClient>;

  beforeAll(async () => {
    server = await testServer();
    ann = await userWithTotp(server);
    annId = await userId(server, 'ann@example.com');
    // A support member who has 2FA but proved only the password: staff must finish signing in.
    await userWithTotp(server, 'halfway@staff.example');
    await grantRole(server, 'halfway@staff.example', 'support');
    api['signed out'] = apiClient(server.app);
    api['pending second factor'] = (await pendingSignIn(server, 'halfway@staff.example')).client;
    api['plain user'] = await staffClient(server, null, 'bob@example.com');
    pages['signed out'] = browserClient(server);
    pages['pending second factor'] = await pendingBrowser(
      server,
      await userId(server, 'halfway@staff.example'),
    );
    pages['plain user'] = await signedInBrowser(server, 'carol@example.com');
    await pages['plain user'].submitFrom('/confirm-password', '/confirm-password', { password });
  });
  afterAll(() => server.close());

  const apiExpect: Record<Caller, { status: number; code: string }> = {
    'signed out': { status: 401, code: 'not_signed_in' },
    'pending second factor': { status: 401, code: 'not_signed_in' },
    'plain user': { status: 403, code: 'forbidden' },
  };

  for (const caller of Object.keys(apiExpect) as Caller[]) {
    it(`API as ${caller}: ${apiExpect[caller].status} problem+json on every path, and nothing changes`, async () => {
      for (const { method, path, body } of apiPaths(annId)) {
        const answer = await api[caller].send(method, path, method === 'POST' ? (body ?? {}) : undefined);
        expect(answer.status, `${method} ${path}`).toBe(apiExpect[caller].status);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        const text = await answer.text();
        expect(JSON.parse(text).code).toBe(apiExpect[caller].code);
        expect(text).not.toContain('ann@example.com');
      }
      await annUntouched(server, ann.client, annId);
    });
  }

  for (const caller of ['signed out', 'pending second factor'] as const) {
    it(`pages as ${caller}: sent to sign in, and nothing changes`, async () => {
      const { csrf } = await pages[caller].open('/sign-in');
      for (const { method, path } of pagePaths(annId)) {
        const answer =
          method === 'GET'
            ? await pages[caller].get(path)
            : await pages[caller].submit(path, { _csrf: csrf, reason });
        expect(answer.status, `${method} ${path}`).toBe(303);
        expect(answer.headers.get('location')).toMatch(/^\/sign-in\?next=\/console/);
      }
      await annUntouched(server, ann.client, annId);
    });
  }

  it('a staff session that may only set up 2FA (policy enforcement) gets no console at all', async () => {
    const token = randomBytes(32).toString('base64url');
    const now = server.clock.now();
    await server.deps.store.sessions.create({
      id: randomBytes(16).toString('base64url'),
      tokenHash: hashToken(token),
      userId: await userId(server, 'halfway@staff.example'),
      state: 'two_factor_setup',
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 10 * 60_000),
      sudoUntil: new Date(now.getTime() + 10 * 60_000),
      userAgent: 'Mozilla/5.0 TestClient/1.0',
      ip: '203.0.113.10',
    });
    const client = apiClient(server.app, { browser: true });
    client.jar.set('twostep_session', token);
    for (const { method, path, body } of apiPaths(annId)) {
      const answer = await client.send(method, path, method === 'POST' ? (body ?? {}) : undefined);
      expect(answer.status, `${method} ${path}`).toBe(403);
    }
    for (const { method, path } of pagePaths(annId).filter((p) => p.method === 'GET')) {
      const answer = await client.send(method, path);
      expect([303, 403], `${method} ${path}`).toContain(answer.status);
      expect(await answer.text()).not.toContain('ann@example.com');
    }
    await annUntouched(server, ann.client, annId);
  });

  it('pages as a plain user: 403 "no access" that reveals nothing, and nothing changes', async () => {
    const browser = pages['plain user'];
    const { csrf } = await browser.open('/security');
    for (const { method, path } of pagePaths(annId)) {
      const answer =
        method === 'GET' ? await browser.get(path) : await browser.submit(path, { _csrf: csrf, reason });
      expect(answer.status, `${method} ${path}`).toBe(403);
      const html = await answer.text();
      expect(html).toContain('No access');
      expect(html).not.toContain('ann@example.com');
    }
    await annUntouched(server, ann.client, annId);
  });
});

describe('support and operator in the console', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  for (const role of ['support', 'operator'] as StaffRole[]) {
    it(`${role}: finds a user, sees them, signs them out, disables and enables, resets 2FA`, async () => {
      const ann = await userWithTotp(server);
      const id = await userId(server, 'ann@example.com');
      const staff = await staffClient(server, role);
      const found = await staff.get('/api/v1/admin/users?email=ANN@example.com');
      expect(found.status).toBe(200);
      expect(((await found.json()) as { id: string }).id).toBe(id);
      expect((await staff.get('/api/v1/admin/users?email=nobody@example.com')).status).toBe(404);
      expect((await staff.get('/api/v1/admin/users/unknown-id')).status).toBe(404);
      expect((await staff.get('/api/v1/admin/users/bad%00id')).status).toBe(404);
      const detail = (await (await staff.get(`/api/v1/admin/users/${id}`)).json()) as {
        twoFactor: { methods: Array<{ type: string; label: string }> };
        sessions: unknown[];
      };
      expect(detail.twoFactor.methods).toEqual([expect.objectContaining({ type: 'totp', label: 'Phone' })]);
      expect(detail.sessions).toHaveLength(1);

      const signedOut = await staff.post(`/api/v1/admin/users/${id}/sign-out`);
      expect(await signedOut.json()).toEqual({ ended: 1 });
      expect((await ann.client.get('/api/v1/me')).status).toBe(401);

      // Disabling ends sessions at once (T-SESSION-3), and the password no longer signs in.
      const again = apiClient(server.app);
      await again.post('/api/v1/session', { email: 'ann@example.com', password });
      expect((await staff.post(`/api/v1/admin/users/${id}/disable`)).status).toBe(204);
      expect((await again.get('/api/v1/me')).status).toBe(401);
      expect(await server.deps.store.sessions.listForUser(id)).toEqual([]);
      expect(
        (await apiClient(server.app).post('/api/v1/session', { email: 'ann@example.com', password })).status,
      ).toBe(403);
      expect((await staff.post(`/api/v1/admin/users/${id}/enable`)).status).toBe(204);
      expect((await staff.post(`/api/v1/admin/users/${id}/two-factor-reset`, { reason })).status).toBe(202);

      const trail = await server.deps.store.audit.listForUser(id, 50);
      for (const type of [
        'staff_signed_user_out',
        'account_disabled',
        'account_enabled',
        'two_factor_reset_requested',
      ]) {
        expect(trail.find((e) => e.type === type)?.detail, type).toMatchObject({
          actorEmail: `${role}@staff.example`,
        });
      }
    });
  }

  it('support cannot act on an operator, on other support staff, or on themselves; an operator can act on support', async () => {
    const support = await staffClient(server, 'support');
    const operator = await staffClient(server, 'operator');
    await staffClient(server, 'support', 'colleague@staff.example');
    const ids = {
      operator: await userId(server, 'operator@staff.example'),
      colleague: await userId(server, 'colleague@staff.example'),
      self: await userId(server, 'support@staff.example'),
    };
    for (const id of Object.values(ids)) {
      for (const action of ['sign-out', 'disable']) {
        const answer = await support.post(`/api/v1/admin/users/${id}/${action}`);
        expect(answer.status, `${action} ${id}`).toBe(403);
      }
    }
    expect((await operator.get('/api/v1/me')).status).toBe(200);
    expect((await operator.post(`/api/v1/admin/users/${ids.colleague}/disable`)).status).toBe(204);
  });

  it('every console action needs sudo: without it 403 sudo_required and nothing changes', async () => {
    const ann = await userWithTotp(server);
    const id = await userId(server, 'ann@example.com');
    const staff = await staffClient(server, 'operator', 'op@staff.example', { sudo: false });
    for (const action of ['sign-out', 'disable', 'enable']) {
      const answer = await staff.post(`/api/v1/admin/users/${id}/${action}`);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('sudo_required');
    }
    await annUntouched(server, ann.client, id);
    // Sudo expires: ten minutes later it is asked for again.
    expect((await staff.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    server.clock.advance(11 * 60_000);
    expect((await staff.post(`/api/v1/admin/users/${id}/disable`)).status).toBe(403);
  });

  it('refuses cross-origin and token-less console actions from a signed-in staff browser', async () => {
    const ann = await userWithTotp(server);
    const id = await userId(server, 'ann@example.com');
    const browser = await signedInBrowser(server, 'support@staff.example');
    await grantRole(server, 'support@staff.example', 'support');
    await browser.submitFrom('/confirm-password', '/confirm-password', { password });
    const { csrf } = await browser.open(`/console/users/${id}`);
    expect(csrf).not.toBe('');
    for (const action of ['sign-out', 'disable', 'reset-2fa']) {
      const path = `/console/users/${id}/${action}`;
      // No token, a wrong token, and a right token sent from another site.
      expect((await browser.submit(path, { reason })).status).toBe(403);
      expect((await browser.submit(path, { _csrf: 'forged', reason })).status).toBe(403);
      expect(
        (await browser.submit(path, { _csrf: csrf, reason }, { origin: 'https://evil.example' })).status,
      ).toBe(403);
      const api = await browser.post(
        `/api/v1/admin/users/${id}/${action === 'reset-2fa' ? 'two-factor-reset' : action}`,
        { reason },
        { origin: 'https://evil.example' },
      );
      expect(api.status).toBe(403);
    }
    await annUntouched(server, ann.client, id);
  });

  it('a cancel link opened by GET changes nothing; only its form does', async () => {
    const ann = await userWithTotp(server);
    const id = await userId(server, 'ann@example.com');
    const support = await staffClient(server, 'support');
    await support.post(`/api/v1/admin/users/${id}/two-factor-reset`, { reason });
    const mail = (await server.deps.store.outbox.list(20)).find((m) =>
      m.text.includes('/two-factor-reset/cancel/'),
    );
    const link =
      mail?.text.match(/http:\/\/localhost:3000(\/two-factor-reset\/cancel\/[A-Za-z0-9_-]+)/)?.[1] ?? '';
    const browser = browserClient(server);
    const page = await browser.open(link);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain('ann@example.com');
    await browser.open(link);
    expect(await server.deps.store.twoFactorResets.findPendingForUser(id)).not.toBeNull();
    expect((await browser.submit(link, {})).status).toBe(403);
    expect(await server.deps.store.twoFactorResets.findPendingForUser(id)).not.toBeNull();
    const done = await browser.submit(link, { _csrf: csrfIn(page.html) });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('The reset was cancelled');
    expect(await server.deps.store.twoFactorResets.findPendingForUser(id)).toBeNull();
    expect((await browser.submit(link, { _csrf: csrfIn(page.html) })).status).toBe(400);
    expect((await browser.open(link)).response.status).toBe(400);
    void ann;
  });

  it('tells the user in their own language', async () => {
    await userWithTotp(server);
    const id = await userId(server, 'ann@example.com');
    await server.deps.store.users.setLocale(id, 'nl');
    const support = await staffClient(server, 'support');
    await support.post(`/api/v1/admin/users/${id}/two-factor-reset`, { reason });
    const mail = (await server.deps.store.outbox.list(20)).find((m) => m.to === 'ann@example.com');
    expect(mail?.subject).toBe('Uw tweestapsverificatie wordt gereset');
    expect(mail?.text).toContain('Annuleer het dan nu');
  });
});
