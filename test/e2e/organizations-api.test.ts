import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem, minutes, outbox, password, type Server, signedInUser } from '../attacks/fixtures.js';
import { type ApiClient, apiClient } from '../support/client.js';
import { invitationToken, withSmsMethod } from '../support/organizations.js';
import { origin, testServer } from '../support/test-server.js';
import { verifyAddress } from '../support/verify-email.js';

async function createOrganization(client: ApiClient, name = 'Mail-IT-Wize'): Promise<string> {
  const answer = await client.post('/api/v1/organizations', { name });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { id: string }).id;
}

/** Signed in, with the address proved: inviting and accepting need it. */
async function verifiedUser(server: Server, email: string): Promise<ApiClient> {
  const client = await signedInUser(server, email);
  await verifyAddress(server, email);
  return client;
}

async function sudo(client: ApiClient) {
  expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
}

/** Signs `email` in and puts them straight into the organization as a member, with no invitation. */
async function signedInMember(
  server: Server,
  organizationId: string,
  email: string,
): Promise<{ client: ApiClient; userId: string }> {
  const client = await verifiedUser(server, email);
  const userId = ((await (await client.get('/api/v1/me')).json()) as { id: string }).id;
  await server.deps.store.organizations.addMember({
    organizationId,
    userId,
    role: 'member',
    joinedAt: server.clock.now(),
  });
  return { client, userId };
}

type Detail = {
  role: string;
  members: Array<{
    email: string;
    role: string;
    userId: string;
    twoFactor: unknown;
    lastSignInAt: string | null;
  }>;
  invitations: Array<{ email: string }>;
};

describe('organizations API', () => {
  let server: Server;
  let ann: ApiClient;

  beforeEach(async () => {
    server = await testServer();
    ann = await verifiedUser(server, 'ann@example.com');
  });
  afterEach(() => server.close());

  it('creates an organization whose creator is its owner, and lists it', async () => {
    const answer = await ann.post('/api/v1/organizations', { name: '  Mail-IT-Wize  ' });
    expect(answer.status).toBe(201);
    const created = (await answer.json()) as { id: string; name: string; role: string };
    expect(created).toMatchObject({ name: 'Mail-IT-Wize', role: 'owner' });
    expect(await (await ann.get('/api/v1/organizations')).json()).toEqual({ organizations: [created] });
    const detail = (await (await ann.get(`/api/v1/organizations/${created.id}`)).json()) as Detail;
    expect(detail.role).toBe('owner');
    expect(detail.members).toEqual([
      expect.objectContaining({
        email: 'ann@example.com',
        role: 'owner',
        twoFactor: { enabled: false, methodTypes: [] },
      }),
    ]);
  });

  it('refuses an empty, overlong or invisible-character name with 400 and creates nothing', async () => {
    for (const name of ['', '   ', 'x'.repeat(101), 'Acme\u202e', 5]) {
      await expectProblem(await ann.post('/api/v1/organizations', { name }), 400, 'invalid_input');
    }
    expect(await (await ann.get('/api/v1/organizations')).json()).toEqual({ organizations: [] });
  });

  it('invites by e-mail with a link on the configured host, and the invitee joins once', async () => {
    const id = await createOrganization(ann);
    await sudo(ann);
    const sent = await ann.post(
      `/api/v1/organizations/${id}/invitations`,
      { email: 'cleo@example.com', role: 'admin' },
      { 'x-forwarded-host': 'evil.example', host: 'evil.example' },
    );
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({ email: 'cleo@example.com', role: 'admin' });
    const mail = (await outbox(server)).filter((m) => m.to === 'cleo@example.com').at(-1);
    expect(mail?.subject).toBe('You are invited to an organization on Twostep');
    expect(mail?.text).toContain(`${origin}/invitation?token=`);
    expect(mail?.text).not.toContain('evil.example');
    const token = await invitationToken(server, 'cleo@example.com');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const pending = (await (await ann.get(`/api/v1/organizations/${id}`)).json()) as Detail;
    expect(pending.invitations.map((i) => i.email)).toEqual(['cleo@example.com']);

    const cleo = await verifiedUser(server, 'cleo@example.com');
    const joined = await cleo.post('/api/v1/invitations/accept', { token });
    expect(joined.status).toBe(200);
    expect(await joined.json()).toEqual({ organizationId: id, name: 'Mail-IT-Wize', role: 'admin' });
    await expectProblem(await cleo.post('/api/v1/invitations/accept', { token }), 400, 'invitation_invalid');
    const detail = (await (await ann.get(`/api/v1/organizations/${id}`)).json()) as Detail;
    expect(detail.members.map((m) => `${m.role}:${m.email}`)).toEqual([
      'owner:ann@example.com',
      'admin:cleo@example.com',
    ]);
    expect(detail.invitations).toEqual([]);
  });

  it('mails the invitation in the language of the invitee who has an account', async () => {
    const id = await createOrganization(ann);
    await signedInUser(server, 'nils@example.com');
    const nils = await server.deps.store.users.findByEmail('nils@example.com');
    await server.deps.store.users.setLocale(nils!.id, 'sv');
    await sudo(ann);
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'nils@example.com', role: 'member' });
    await ann.post(
      `/api/v1/organizations/${id}/invitations`,
      { email: 'joao@example.com', role: 'member' },
      { 'accept-language': 'pt-BR' },
    );
    const mails = await outbox(server);
    expect(mails.find((m) => m.to === 'nils@example.com')?.subject).toBe(
      'Du är inbjuden till en organisation på Twostep',
    );
    expect(mails.find((m) => m.to === 'joao@example.com')?.subject).toBe(
      'Você foi convidado para uma organização no Twostep',
    );
  });

  it('lets exactly one of ten simultaneous accepts of one link through, and never logs the token', async () => {
    const id = await createOrganization(ann);
    await sudo(ann);
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'cleo@example.com', role: 'member' });
    const token = await invitationToken(server, 'cleo@example.com');
    const cleo = await verifiedUser(server, 'cleo@example.com');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => cleo.post('/api/v1/invitations/accept', { token })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(400)]);
    expect((await server.deps.store.organizations.membersOf(id)).map((m) => m.email)).toEqual([
      'ann@example.com',
      'cleo@example.com',
    ]);
    await apiClient(server.app).get(`/invitation?token=${token}`);
    expect(server.logLines.join('')).not.toContain(token);
  });

  it('lets only the invited address accept: a forwarded link is refused and stays valid', async () => {
    const id = await createOrganization(ann);
    await sudo(ann);
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'cleo@example.com', role: 'member' });
    const token = await invitationToken(server, 'cleo@example.com');
    const mallory = await verifiedUser(server, 'mallory@example.com');
    await expectProblem(await mallory.post('/api/v1/invitations/accept', { token }), 403, 'forbidden');
    expect(await (await mallory.get('/api/v1/organizations')).json()).toEqual({ organizations: [] });
    const cleo = await verifiedUser(server, 'Cleo@Example.com'.toLowerCase());
    expect((await cleo.post('/api/v1/invitations/accept', { token })).status).toBe(200);
  });

  it('refuses an expired, made-up or malformed invitation token', async () => {
    const id = await createOrganization(ann);
    await sudo(ann);
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'cleo@example.com', role: 'member' });
    const token = await invitationToken(server, 'cleo@example.com');
    const cleo = await verifiedUser(server, 'cleo@example.com');
    for (const bad of [
      'x'.repeat(43),
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      'short',
      '../../etc',
      '\u0000'.repeat(43),
    ]) {
      await expectProblem(
        await cleo.post('/api/v1/invitations/accept', { token: bad }),
        400,
        'invitation_invalid',
      );
    }
    server.clock.advance(7 * 24 * 60 * 60_000 + minutes(1));
    const fresh = await verifiedUser(server, 'dave@example.com');
    await expectProblem(await fresh.post('/api/v1/invitations/accept', { token }), 400, 'invitation_invalid');
    // The invitee is now signed out by the idle limit too; on a new sign-in the link is still dead.
    const again = apiClient(server.app);
    await again.post('/api/v1/session', { email: 'cleo@example.com', password });
    await expectProblem(await again.post('/api/v1/invitations/accept', { token }), 400, 'invitation_invalid');
  });

  it('asks for sudo before inviting, changing a role or removing a member', async () => {
    const id = await createOrganization(ann);
    const { client: cleo, userId: cleoId } = await signedInMember(server, id, 'cleo@example.com');
    const invite = { email: 'dave@example.com', role: 'member' };
    await expectProblem(
      await ann.post(`/api/v1/organizations/${id}/invitations`, invite),
      403,
      'sudo_required',
    );
    await expectProblem(
      await ann.put(`/api/v1/organizations/${id}/members/${cleoId}/role`, { role: 'admin' }),
      403,
      'sudo_required',
    );
    await expectProblem(
      await ann.delete(`/api/v1/organizations/${id}/members/${cleoId}`),
      403,
      'sudo_required',
    );
    expect((await outbox(server)).some((m) => m.to === 'dave@example.com')).toBe(false);
    await sudo(ann);
    expect(
      (await ann.put(`/api/v1/organizations/${id}/members/${cleoId}/role`, { role: 'admin' })).status,
    ).toBe(204);
    expect((await ann.delete(`/api/v1/organizations/${id}/members/${cleoId}`)).status).toBe(204);
    expect(await (await cleo.get('/api/v1/organizations')).json()).toEqual({ organizations: [] });
  });

  it('never lets the last owner go, and audits every change', async () => {
    const id = await createOrganization(ann);
    const annId = ((await (await ann.get('/api/v1/me')).json()) as { id: string }).id;
    await sudo(ann);
    await expectProblem(
      await ann.put(`/api/v1/organizations/${id}/members/${annId}/role`, { role: 'admin' }),
      409,
      'last_owner',
    );
    await expectProblem(await ann.delete(`/api/v1/organizations/${id}/members/${annId}`), 409, 'last_owner');
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'cleo@example.com', role: 'owner' });
    const cleo = await verifiedUser(server, 'cleo@example.com');
    await cleo.post('/api/v1/invitations/accept', {
      token: await invitationToken(server, 'cleo@example.com'),
    });
    // With a second owner, the first may step down.
    expect(
      (await ann.put(`/api/v1/organizations/${id}/members/${annId}/role`, { role: 'member' })).status,
    ).toBe(204);
    const types = (await server.deps.store.audit.listForUser(annId, 20)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'organization_created',
        'organization_member_invited',
        'organization_role_changed',
      ]),
    );
  });

  it('keeps admins away from owners and from making owners', async () => {
    const id = await createOrganization(ann);
    const annId = ((await (await ann.get('/api/v1/me')).json()) as { id: string }).id;
    await sudo(ann);
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'adam@example.com', role: 'admin' });
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'cleo@example.com', role: 'member' });
    const adam = await verifiedUser(server, 'adam@example.com');
    const cleo = await verifiedUser(server, 'cleo@example.com');
    await adam.post('/api/v1/invitations/accept', {
      token: await invitationToken(server, 'adam@example.com'),
    });
    await cleo.post('/api/v1/invitations/accept', {
      token: await invitationToken(server, 'cleo@example.com'),
    });
    const cleoId = ((await (await cleo.get('/api/v1/me')).json()) as { id: string }).id;
    await sudo(adam);

    await expectProblem(
      await adam.put(`/api/v1/organizations/${id}/members/${annId}/role`, { role: 'member' }),
      403,
      'forbidden',
    );
    await expectProblem(await adam.delete(`/api/v1/organizations/${id}/members/${annId}`), 403, 'forbidden');
    await expectProblem(
      await adam.put(`/api/v1/organizations/${id}/members/${cleoId}/role`, { role: 'owner' }),
      403,
      'forbidden',
    );
    await expectProblem(
      await adam.post(`/api/v1/organizations/${id}/invitations`, { email: 'eve@example.com', role: 'owner' }),
      403,
      'forbidden',
    );
    // What an admin may do: manage members, and see their 2FA status.
    expect(
      (await adam.put(`/api/v1/organizations/${id}/members/${cleoId}/role`, { role: 'admin' })).status,
    ).toBe(204);
    const seen = (await (await adam.get(`/api/v1/organizations/${id}`)).json()) as Detail;
    expect(seen.members.every((m) => m.twoFactor !== null)).toBe(true);
    expect((await server.deps.store.organizations.membersOf(id)).map((m) => `${m.role}:${m.email}`)).toEqual([
      'owner:ann@example.com',
      'admin:adam@example.com',
      'admin:cleo@example.com',
    ]);
  });

  it("shows owners a member's 2FA status and method kinds, never the label or the phone number", async () => {
    const id = await createOrganization(ann);
    const { userId: cleoId } = await signedInMember(server, id, 'cleo@example.com');
    const { label, number } = await withSmsMethod(server, cleoId);
    const answer = await ann.get(`/api/v1/organizations/${id}`);
    const raw = await answer.text();
    expect(raw).not.toContain(label);
    expect(raw).not.toContain(number);
    expect(raw).not.toContain('5678');
    const detail = JSON.parse(raw) as Detail;
    expect(detail.members.find((m) => m.email === 'cleo@example.com')).toMatchObject({
      twoFactor: { enabled: true, methodTypes: ['sms'] },
      lastSignInAt: server.clock.now().toISOString(),
    });
  });

  it('shows plain members who is in, but not their 2FA status nor the invitations', async () => {
    const id = await createOrganization(ann);
    await sudo(ann);
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'cleo@example.com', role: 'member' });
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'dave@example.com', role: 'member' });
    const cleo = await verifiedUser(server, 'cleo@example.com');
    await cleo.post('/api/v1/invitations/accept', {
      token: await invitationToken(server, 'cleo@example.com'),
    });
    const seen = (await (await cleo.get(`/api/v1/organizations/${id}`)).json()) as Detail;
    expect(seen.role).toBe('member');
    expect(seen.members.map((m) => [m.twoFactor, m.lastSignInAt])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(seen.invitations).toEqual([]);
  });

  it('answers an invitation for someone already in with 409 and sends nothing', async () => {
    const id = await createOrganization(ann);
    await sudo(ann);
    const before = (await outbox(server)).length;
    await expectProblem(
      await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'ANN@example.com', role: 'member' }),
      409,
      'conflict',
    );
    await expectProblem(
      await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'not an address', role: 'member' }),
      400,
      'invalid_input',
    );
    await expectProblem(
      await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'x@example.com', role: 'root' }),
      400,
      'invalid_input',
    );
    expect((await outbox(server)).length).toBe(before);
  });

  it('documents every organization endpoint in OpenAPI', async () => {
    const doc = (await (await apiClient(server.app).get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, object>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/organizations',
        '/organizations/{id}',
        '/organizations/{id}/invitations',
        '/organizations/{id}/members/{userId}/role',
        '/organizations/{id}/members/{userId}',
        '/invitations/accept',
      ]),
    );
  });
});
