import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { putPolicy } from '../support/policy.js';
import { testServer } from '../support/test-server.js';
import { userWithTotp } from '../support/two-factor.js';
import { expectProblem, password, type Server, seedUser } from './fixtures.js';

/**
 * A deadline moved into the past must not leave sessions opened before it with full access: the
 * session was signed in to end at the old deadline, which no longer holds.
 */
describe('a 2FA deadline moved into the past', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
    await seedUser(server);
    server.clock.set('2026-11-01T10:00:00Z');
    await putPolicy(server);
  });
  afterEach(() => server.close());

  async function signedIn() {
    const client = apiClient(server.app);
    const answer = await client.post('/api/v1/session', { email: 'ann@example.com', password });
    expect(await answer.json()).toEqual({ state: 'signed_in' });
    return client;
  }

  it('sends an open session without 2FA to set-up at its next request, API and pages', async () => {
    const client = await signedIn();
    expect((await client.get('/api/v1/me')).status).toBe(200);
    await putPolicy(server, { requiredFrom: '2026-10-01T00:00' });

    await expectProblem(await client.get('/api/v1/me'), 403, 'two_factor_setup_required');
    const page = await client.get('/security');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/security/two-factor/setup');
    // What set-up needs stays open.
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  });

  it('also catches a session signed in before any policy existed', async () => {
    await server.deps.store.policies.remove('global');
    const client = await signedIn();
    await putPolicy(server, { requiredFrom: '2026-10-01T00:00' });
    await expectProblem(await client.get('/api/v1/me'), 403, 'two_factor_setup_required');
  });

  it('leaves a user who has 2FA alone', async () => {
    const bob = await userWithTotp(server, 'bob@example.com');
    await putPolicy(server, { requiredFrom: '2026-10-01T00:00' });
    expect((await bob.client.get('/api/v1/me')).status).toBe(200);
  });
});
