import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserClient, browserClient, signedInBrowser } from '../pages/page-client.js';
import { type ApiClient, apiClient } from '../support/client.js';
import { storeKinds } from '../support/databases.js';
import { testServer } from '../support/test-server.js';
import { expectProblem, outbox, password, type Server, signedInUser } from './fixtures.js';

/**
 * Every organization endpoint and page, tried by someone from another organization (404: ids do not
 * leak), by a plain member (403) and signed out (401, or the sign-in page). None of them changes anything.
 */

const kinds = await storeKinds();

interface World {
  server: Server;
  orgId: string;
  otherOrgId: string;
  ownerId: string;
  adminId: string;
  memberId: string;
}

async function world(kind: 'sqlite' | 'postgres'): Promise<World> {
  const server = await testServer({ kind });
  const store = server.deps.store;
  const ids: Record<string, string> = {};
  for (const email of ['owner@a.example', 'admin@a.example', 'member@a.example', 'outsider@b.example']) {
    await signedInUser(server, email);
    ids[email] = (await store.users.findByEmail(email))!.id;
  }
  const now = server.clock.now();
  await store.organizations.create(
    { id: 'orgA000000000000000001', name: 'A', createdAt: now },
    {
      userId: ids['owner@a.example']!,
      joinedAt: now,
    },
  );
  await store.organizations.create(
    { id: 'orgB000000000000000001', name: 'B', createdAt: now },
    {
      userId: ids['outsider@b.example']!,
      joinedAt: now,
    },
  );
  for (const [email, role] of [
    ['admin@a.example', 'admin'],
    ['member@a.example', 'member'],
  ] as const) {
    await store.organizations.addMember({
      organizationId: 'orgA000000000000000001',
      userId: ids[email]!,
      role,
      joinedAt: now,
    });
  }
  return {
    server,
    orgId: 'orgA000000000000000001',
    otherOrgId: 'orgB000000000000000001',
    ownerId: ids['owner@a.example']!,
    adminId: ids['admin@a.example']!,
    memberId: ids['member@a.example']!,
  };
}

/** Every API call that acts on organization A, aimed at its admin so a plain member could not. */
const apiCalls = (w: World) =>
  [
    ['GET', `/api/v1/organizations/${w.orgId}`, undefined],
    ['POST', `/api/v1/organizations/${w.orgId}/invitations`, { email: 'eve@example.com', role: 'member' }],
    ['PUT', `/api/v1/organizations/${w.orgId}/members/${w.adminId}/role`, { role: 'member' }],
    ['DELETE', `/api/v1/organizations/${w.orgId}/members/${w.adminId}`, undefined],
  ] as const;

async function unchanged(w: World) {
  const members = await w.server.deps.store.organizations.membersOf(w.orgId);
  expect(members.map((m) => `${m.role}:${m.email}`)).toEqual([
    'owner:owner@a.example',
    'admin:admin@a.example',
    'member:member@a.example',
  ]);
  expect(await w.server.deps.store.organizations.pendingInvitations(w.orgId, w.server.clock.now())).toEqual(
    [],
  );
  expect((await outbox(w.server)).some((m) => m.to === 'eve@example.com')).toBe(false);
}

async function withSudo(server: Server, email: string): Promise<ApiClient> {
  const client = apiClient(server.app);
  expect((await client.post('/api/v1/session', { email, password })).status).toBe(200);
  expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  return client;
}

describe.each(kinds)('organization API authorization on %s', (kind) => {
  let w: World;
  beforeAll(async () => {
    w = await world(kind);
  });
  afterAll(() => w.server.close());

  it('answers a member of another organization 404, the same as an organization that does not exist', async () => {
    const outsider = await withSudo(w.server, 'outsider@b.example');
    for (const [method, path, body] of apiCalls(w)) {
      const answer = await outsider.send(method, path, body);
      await expectProblem(answer, 404, 'not_found');
      const unknown = await outsider.send(method, path.replace(w.orgId, 'orgZ000000000000000009'), body);
      expect(unknown.status).toBe(404);
    }
    // Owner of B naming A's admin through B: still nobody it may touch.
    await expectProblem(
      await outsider.put(`/api/v1/organizations/${w.otherOrgId}/members/${w.adminId}/role`, {
        role: 'member',
      }),
      404,
      'not_found',
    );
    await expectProblem(
      await outsider.delete(`/api/v1/organizations/${w.otherOrgId}/members/${w.adminId}`),
      404,
      'not_found',
    );
    expect(await (await outsider.get('/api/v1/organizations')).json()).toEqual({
      organizations: [{ id: w.otherOrgId, name: 'B', role: 'owner' }],
    });
    await unchanged(w);
  });

  it('answers a plain member 403 for every change, and shows no 2FA status', async () => {
    const member = await withSudo(w.server, 'member@a.example');
    const [view, ...changes] = apiCalls(w);
    const seen = await member.get(view[1]);
    expect(seen.status).toBe(200);
    const body = (await seen.json()) as { members: Array<{ twoFactor: unknown }>; invitations: unknown[] };
    expect(body.members.every((m) => m.twoFactor === null)).toBe(true);
    expect(body.invitations).toEqual([]);
    for (const [method, path, payload] of changes) {
      await expectProblem(await member.send(method, path, payload), 403, 'forbidden');
    }
    // Not even on the member below them, nor on themselves upwards.
    await expectProblem(
      await member.put(`/api/v1/organizations/${w.orgId}/members/${w.memberId}/role`, { role: 'owner' }),
      403,
      'forbidden',
    );
    await unchanged(w);
  });

  it('answers 401 to every organization call without a session', async () => {
    const anonymous = apiClient(w.server.app);
    const calls = [
      ...apiCalls(w),
      ['GET', '/api/v1/organizations', undefined],
      ['POST', '/api/v1/organizations', { name: 'Anonymous' }],
      ['POST', '/api/v1/invitations/accept', { token: 'x'.repeat(43) }],
    ] as const;
    for (const [method, path, body] of calls) {
      await expectProblem(await anonymous.send(method, path, body), 401, 'not_signed_in');
    }
    await unchanged(w);
    expect(await w.server.deps.store.organizations.list({ limit: 10, offset: 0 })).toHaveLength(2);
  });
});

describe('organization page authorization', () => {
  let w: World;
  beforeAll(async () => {
    w = await world('sqlite');
  });
  afterAll(() => w.server.close());

  const forms = (w: World) =>
    [
      [`/organizations/${w.orgId}/invitations`, { email: 'eve@example.com', role: 'member' }],
      [`/organizations/${w.orgId}/members/${w.adminId}/role`, { role: 'member' }],
      [`/organizations/${w.orgId}/members/${w.adminId}/remove`, {}],
    ] as const;

  async function browserWithSudo(email: string): Promise<BrowserClient> {
    const browser = await signedInBrowser(w.server, email, { seed: false });
    const path = '/confirm-password?next=/security';
    expect((await browser.submitFrom(path, path, { password })).status).toBe(303);
    return browser;
  }

  it('shows a member of another organization the same 404 page as for an unknown id', async () => {
    const outsider = await browserWithSudo('outsider@b.example');
    const confirm = await outsider.open(`/organizations/${w.orgId}/members/${w.adminId}/remove`);
    expect(confirm.response.status).toBe(404);
    expect(confirm.html).not.toContain('admin@a.example');
    const page = await outsider.open(`/organizations/${w.orgId}`);
    const unknown = await outsider.open('/organizations/orgZ000000000000000009');
    expect(page.response.status).toBe(404);
    expect(unknown.response.status).toBe(404);
    expect(page.html).not.toContain('owner@a.example');
    for (const [path, fields] of forms(w)) {
      const { csrf } = await outsider.open('/organizations');
      const answer = await outsider.submit(path, { _csrf: csrf, ...fields });
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toContain('owner@a.example');
    }
    await unchanged(w);
  });

  it('refuses a plain member every change with 403 and hides the management controls', async () => {
    const member = await browserWithSudo('member@a.example');
    const { html, response } = await member.open(`/organizations/${w.orgId}`);
    expect(response.status).toBe(200);
    expect(html).not.toContain('/invitations"');
    expect(html).not.toContain('/remove"');
    expect(html).not.toContain('Two-factor authentication</th>');
    expect((await member.open(`/organizations/${w.orgId}/members/${w.adminId}/remove`)).response.status).toBe(
      403,
    );
    for (const [path, fields] of forms(w)) {
      const { csrf } = await member.open('/organizations');
      expect((await member.submit(path, { _csrf: csrf, ...fields })).status).toBe(403);
    }
    await unchanged(w);
  });

  it('sends a signed-out visitor to sign in, for every page and form', async () => {
    const visitor = browserClient(w.server);
    for (const path of [
      '/organizations',
      `/organizations/${w.orgId}`,
      `/organizations/${w.orgId}/members/${w.adminId}/remove`,
    ]) {
      const answer = await visitor.get(path);
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toMatch(/^\/sign-in\?next=/);
    }
    const { csrf } = await visitor.open('/sign-in');
    for (const [path, fields] of [
      ...forms(w),
      ['/organizations', { name: 'X' }],
      ['/invitation', { token: 'x' }],
    ] as const) {
      const answer = await visitor.submit(path, { _csrf: csrf, ...fields });
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toMatch(/^\/sign-in\?next=/);
    }
    await unchanged(w);
  });
});
