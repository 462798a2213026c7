import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/core/sessions/session-token.js';
import { type ApiClient, apiClient } from '../support/client.js';
import { invitationToken } from '../support/organizations.js';
import { origin, testServer } from '../support/test-server.js';
import { openVerificationLink, verificationToken } from '../support/verify-email.js';
import { expectProblem, minutes, outbox, password, type Server } from './fixtures.js';

/** Signs up through the API, as a stranger would, and signs in. */
async function signUp(
  server: Server,
  email: string,
  headers: Record<string, string> = {},
): Promise<ApiClient> {
  const client = apiClient(server.app);
  expect((await client.post('/api/v1/accounts', { email, password }, headers)).status).toBe(201);
  expect((await client.post('/api/v1/session', { email, password })).status).toBe(200);
  return client;
}

const me = async (client: ApiClient) =>
  (await (await client.get('/api/v1/me')).json()) as Record<string, unknown>;
const open = openVerificationLink;

async function organizationOf(client: ApiClient): Promise<string> {
  const answer = await client.post('/api/v1/organizations', { name: 'Mail-IT-Wize' });
  return ((await answer.json()) as { id: string }).id;
}

async function sudo(client: ApiClient) {
  expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
}

describe('e-mail verification', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('sign-up mails a single-use link on the configured host; opening it proves the address', async () => {
    const ann = await signUp(server, 'ann@example.com', {
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
    });
    expect(await me(ann)).toMatchObject({ email: 'ann@example.com', emailVerified: false });
    const mail = (await outbox(server)).find((m) => m.to === 'ann@example.com');
    expect(mail?.text).toContain(`${origin}/verify-email?token=`);
    expect(mail?.text).not.toContain('evil.example');
    const token = (await verificationToken(server, 'ann@example.com'))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const first = await open(server, token);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('E-mail address confirmed');
    expect(await me(ann)).toMatchObject({ emailVerified: true });
    const again = await open(server, token);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('This link was already used');

    const types = ((await (await ann.get('/api/v1/me/activity')).json()) as Array<{ type: string }>).map(
      (e) => e.type,
    );
    expect(types).toEqual(expect.arrayContaining(['email_verification_sent', 'email_verified']));
  });

  it('proves nothing when the link is only fetched, as mail scanners do', async () => {
    const ann = await signUp(server, 'ann@example.com');
    const token = (await verificationToken(server, 'ann@example.com'))!;
    for (let i = 0; i < 3; i++) {
      const fetched = await apiClient(server.app).get(`/verify-email?token=${token}`);
      expect(fetched.status).toBe(200);
      expect(await fetched.text()).toContain('Confirm my address');
    }
    expect(await me(ann)).toMatchObject({ emailVerified: false });
    const forged = await apiClient(server.app, { browser: true }).send(
      'POST',
      '/verify-email',
      new URLSearchParams({ _csrf: 'forged', token }).toString(),
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    expect(forged.status).toBe(403);
    expect(await me(ann)).toMatchObject({ emailVerified: false });
    expect((await open(server, token)).status).toBe(200);
    expect(await me(ann)).toMatchObject({ emailVerified: true });
  });

  it('keeps only a hash of the token', async () => {
    await signUp(server, 'ann@example.com');
    const token = (await verificationToken(server, 'ann@example.com'))!;
    const user = await server.deps.store.users.findByEmail('ann@example.com');
    expect(await server.deps.store.emailVerifications.find(token)).toBeNull();
    expect((await server.deps.store.emailVerifications.find(hashToken(token)))?.userId).toBe(user?.id);
  });

  it('refuses an expired, a forged or a truncated link and proves nothing', async () => {
    const ann = await signUp(server, 'ann@example.com');
    const userId = (await me(ann)).id as string;
    const token = (await verificationToken(server, 'ann@example.com'))!;
    expect((await open(server, token.slice(0, 42))).status).toBe(400);
    expect((await open(server, 'A'.repeat(43))).status).toBe(400);
    server.clock.advance(minutes(24 * 60) + 1);
    const expired = await open(server, token);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
    expect(await server.deps.store.emailVerifications.verifiedAt(userId, 'ann@example.com')).toBeNull();
  });

  it('lets one of two concurrent clicks verify, and records it once', async () => {
    const ann = await signUp(server, 'ann@example.com');
    const token = (await verificationToken(server, 'ann@example.com'))!;
    const answers = await Promise.all([open(server, token), open(server, token)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const events = (await (await ann.get('/api/v1/me/activity')).json()) as Array<{ type: string }>;
    expect(events.filter((e) => e.type === 'email_verified')).toHaveLength(1);
  });

  it('sends the link again after a cool-down, and not once the address is proved', async () => {
    const ann = await signUp(server, 'ann@example.com');
    const early = await ann.post('/api/v1/me/email-verification');
    await expectProblem(early, 429, 'rate_limited');
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    server.clock.advance(61_000);
    expect((await ann.post('/api/v1/me/email-verification')).status).toBe(202);
    const links = (await outbox(server)).filter(
      (m) => m.to === 'ann@example.com' && m.text.includes('/verify-email'),
    );
    expect(links).toHaveLength(2);
    expect((await open(server, (await verificationToken(server, 'ann@example.com'))!)).status).toBe(200);
    server.clock.advance(61_000);
    await expectProblem(await ann.post('/api/v1/me/email-verification'), 409, 'conflict');
    await expectProblem(
      await apiClient(server.app).post('/api/v1/me/email-verification'),
      401,
      'not_signed_in',
    );
  });

  it('an unproved account cannot invite, and can once it opened the link', async () => {
    const ann = await signUp(server, 'ann@example.com');
    const id = await organizationOf(ann);
    await sudo(ann);
    const invite = () =>
      ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'cleo@example.com', role: 'member' });
    await expectProblem(await invite(), 403, 'email_unverified');
    expect((await outbox(server)).filter((m) => m.to === 'cleo@example.com')).toEqual([]);
    await open(server, (await verificationToken(server, 'ann@example.com'))!);
    expect((await invite()).status).toBe(201);
  });

  it('an account that signed up with the invited address cannot accept before proving it', async () => {
    const ann = await signUp(server, 'ann@example.com');
    await open(server, (await verificationToken(server, 'ann@example.com'))!);
    const id = await organizationOf(ann);
    await sudo(ann);
    await ann.post(`/api/v1/organizations/${id}/invitations`, { email: 'cleo@example.com', role: 'admin' });
    const token = await invitationToken(server, 'cleo@example.com');
    // Someone who is not Cleo signs up with her address to catch the invitation.
    const squatter = await signUp(server, 'cleo@example.com');
    await expectProblem(
      await squatter.post('/api/v1/invitations/accept', { token }),
      403,
      'email_unverified',
    );
    const detail = (await (await ann.get(`/api/v1/organizations/${id}`)).json()) as { members: unknown[] };
    expect(detail.members).toHaveLength(1);
    await open(server, (await verificationToken(server, 'cleo@example.com'))!);
    expect((await squatter.post('/api/v1/invitations/accept', { token })).status).toBe(200);
  });

  it('codes by e-mail go to the account address only once it is proved; another address proves itself', async () => {
    const ann = await signUp(server, 'ann@example.com');
    await sudo(ann);
    await expectProblem(
      await ann.post('/api/v1/me/methods', { type: 'email', address: 'ANN@example.com' }),
      403,
      'email_unverified',
    );
    expect(
      (await ann.post('/api/v1/me/methods', { type: 'email', address: 'ann@work.example' })).status,
    ).toBe(201);
    await open(server, (await verificationToken(server, 'ann@example.com'))!);
    expect((await ann.post('/api/v1/me/methods', { type: 'email', address: 'ann@example.com' })).status).toBe(
      201,
    );
  });

  it("says what happened in the reader's language", async () => {
    await signUp(server, 'ann@example.com');
    const token = (await verificationToken(server, 'ann@example.com'))!;
    expect(await (await open(server, token, { 'accept-language': 'nl' })).text()).toContain(
      'E-mailadres bevestigd',
    );
    expect(await (await open(server, token, { 'accept-language': 'sv' })).text()).toContain(
      'Den här länken har redan använts',
    );
    server.clock.advance(minutes(24 * 60));
    expect(await (await open(server, 'B'.repeat(43), { 'accept-language': 'pt-BR' })).text()).toContain(
      'Este link não funciona',
    );
  });
});
