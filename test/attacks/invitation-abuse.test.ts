import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';
import { verifyAddress } from '../support/verify-email.js';
import { expectProblem, outbox, password, type Server, signedInUser } from './fixtures.js';

/** Invitations are e-mails to strangers: they must not carry an account's words or volume. */

const phishingName = 'URGENT: your mailbox is full, sign in at mail-help.example';

async function sudo(client: ApiClient) {
  expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
}

describe('invitations as a phishing channel', () => {
  let server: Server;
  let owner: ApiClient;
  let organizationId: string;

  beforeEach(async () => {
    server = await testServer();
    owner = await signedInUser(server, 'owner@example.com');
    // Only an account that proved its address invites at all: these are the ones to cap.
    await verifyAddress(server, 'owner@example.com');
    const created = await owner.post('/api/v1/organizations', { name: phishingName });
    organizationId = ((await created.json()) as { id: string }).id;
    await sudo(owner);
  });
  afterEach(() => server.close());

  const invite = (client: ApiClient, n: number) =>
    client.post(`/api/v1/organizations/${organizationId}/invitations`, {
      email: `guest${n}@example.net`,
      role: 'member',
    });
  const invitationsSent = async () => (await outbox(server)).filter((m) => m.to.endsWith('@example.net'));

  /** Another admin of the organization, signed in with sudo. */
  async function admin(n: number): Promise<ApiClient> {
    const email = `admin${n}@example.com`;
    const client = await signedInUser(server, email);
    await verifyAddress(server, email);
    const userId = ((await (await client.get('/api/v1/me')).json()) as { id: string }).id;
    await server.deps.store.organizations.addMember({
      organizationId,
      userId,
      role: 'admin',
      joinedAt: server.clock.now(),
    });
    await sudo(client);
    return client;
  }

  it("keeps the organization's name out of the subject", async () => {
    expect((await invite(owner, 1)).status).toBe(201);
    const [mail] = await invitationsSent();
    expect(mail!.subject).not.toContain('URGENT');
    expect(mail!.subject).not.toContain('mail-help.example');
    expect(mail!.subject).toBe('You are invited to an organization on Twostep');
  });

  it('caps invitations per inviter per hour with 429 and Retry-After, and mails nothing more', async () => {
    for (let n = 0; n < 10; n++) expect((await invite(owner, n)).status).toBe(201);
    const refused = await invite(owner, 10);
    await expectProblem(refused, 429, 'rate_limited');
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60 * 60);
    expect(await invitationsSent()).toHaveLength(10);
    const pending = (await (await owner.get(`/api/v1/organizations/${organizationId}`)).json()) as {
      invitations: unknown[];
    };
    expect(pending.invitations).toHaveLength(10);
  });

  it('caps invitations per organization per day, whoever sends them', async () => {
    const inviters = [owner, ...(await Promise.all([1, 2, 3, 4].map(admin)))];
    for (const [i, client] of inviters.entries()) {
      for (let n = 0; n < 10; n++) expect((await invite(client, i * 10 + n)).status).toBe(201);
    }
    const fresh = await admin(5);
    const refused = await invite(fresh, 99);
    await expectProblem(refused, 429, 'rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60 * 60);
    expect(await invitationsSent()).toHaveLength(50);
  });
});
