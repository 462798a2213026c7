import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';
import { expectProblem, outbox, password, type Server, seedUser, signedInUser } from './fixtures.js';

/** Addresses a mailer reads as somewhere else than they look: refused wherever an address enters. */
const misread = [
  'ann(boss)@example.com',
  '"eve@evil.example"@example.com',
  'ann@[192.0.2.1]',
  'ann@example.com.',
  'ann\u200b@example.com',
  'ann@p\u0430ypal.com',
];

describe('addresses a mailer reads differently', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it.each(misread)('sign-up refuses %j with 400 and creates no account', async (email) => {
    const answer = await apiClient(server.app).post('/api/v1/accounts', { email, password });
    await expectProblem(answer, 400, 'invalid_input');
    expect(await server.deps.store.users.findByEmail(email)).toBeNull();
    expect(await outbox(server)).toEqual([]);
  });

  it('a full-width look-alike of an existing address is that address, not a second account', async () => {
    const ann = await seedUser(server, 'ann@example.com');
    const answer = await apiClient(server.app).post('/api/v1/accounts', {
      email: 'ａｎｎ@example.com',
      password,
    });
    expect(answer.status).toBe(201);
    expect((await server.deps.store.users.findByEmail('ann@example.com'))?.id).toBe(ann.id);
    const mails = await outbox(server);
    expect(mails.map((m) => m.to)).toEqual(['ann@example.com']);
  });

  it.each(misread)('an e-mail method refuses %j and sends no code', async (address) => {
    const ann = await signedInUser(server, 'ann@example.com');
    expect((await ann.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    await expectProblem(
      await ann.post('/api/v1/me/methods', { type: 'email', address }),
      400,
      'invalid_input',
    );
    expect(await outbox(server)).toEqual([]);
  });
});
