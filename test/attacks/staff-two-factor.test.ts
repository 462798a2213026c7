import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInBrowser } from '../pages/page-client.js';
import { giveSecondFactor } from '../support/staff.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { signUpAndIn } from '../support/two-factor.js';
import { expectProblem } from './fixtures.js';

/** A staff account is worth more than any customer's: the console needs the staff member's own 2FA. */
describe('staff without two-step verification', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  async function staffWithoutTwoFactor() {
    const api = await signUpAndIn(server, 'sam@staff.example');
    const sam = (await server.deps.store.users.findByEmail('sam@staff.example'))!;
    await server.deps.store.users.setStaffRole(sam.id, 'operator');
    return { api, sam };
  }

  it('are sent to set it up from the console pages, and refused by the console API', async () => {
    const { api } = await staffWithoutTwoFactor();
    const browser = await signedInBrowser(server, 'sam@staff.example', { seed: false });
    for (const path of ['/console', '/console/users', '/console/adoption']) {
      const page = await browser.get(path);
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/security/two-factor/setup');
    }
    await expectProblem(
      await api.get('/api/v1/admin/users?email=sam%40staff.example'),
      403,
      'two_factor_setup_required',
    );
  });

  it('get in once they have a method', async () => {
    const { api, sam } = await staffWithoutTwoFactor();
    await giveSecondFactor(server, sam.id);
    expect((await api.get('/api/v1/admin/users?email=sam%40staff.example')).status).toBe(200);
  });
});
