import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasTwoFactor } from '../../src/app/two-factor/two-factor-status.js';
import { outbox } from '../support/code-methods.js';
import { deadlineInstant, putPolicy } from '../support/policy.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { userWithTotp } from '../support/two-factor.js';
import { browserClient, password, seedUser, signedInBrowser, textOf } from './page-client.js';

const setupPath = '/security/two-factor/setup';

describe('2FA policy on the pages', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('shows the banner with the days left on every signed-in page before the deadline', async () => {
    await putPolicy(server);
    const browser = await signedInBrowser(server);
    for (const path of ['/security', '/security/password']) {
      const text = textOf((await browser.open(path)).html);
      expect(text, path).toContain(
        'Two-factor authentication is required from December 1, 2026 at 12:00 AM (Europe/Amsterdam): 8 days left.',
      );
      expect((await browser.open(path)).html).toContain(`href="${setupPath}"`);
    }
    // The set-up page itself does not nag.
    expect(textOf((await browser.open(setupPath)).html)).not.toContain('days left');
    await browser.get('/language?set=nl&next=/security');
    expect(textOf((await browser.open('/security')).html)).toContain(
      'Tweestapsverificatie is verplicht vanaf 1 december 2026 om 00:00 (Europe/Amsterdam): nog 8 dagen.',
    );
  });

  it('says 1 day on the last day, and shows no banner once 2FA is on or without a deadline', async () => {
    await putPolicy(server);
    const { client: withTwoFactor } = await userWithTotp(server, 'cem@example.com');
    const security = await withTwoFactor.get('/security');
    expect(security.status).toBe(200);
    const securityText = textOf(await security.text());
    expect(securityText).toContain('Required from December 1, 2026');
    expect(securityText).not.toContain('days left');
    server.clock.set('2026-11-30T12:00:00Z');
    const browser = await signedInBrowser(server, 'bob@example.com');
    expect(textOf((await browser.open('/security')).html)).toContain(': 1 day left.');
    await server.deps.store.policies.remove('global');
    expect(textOf((await browser.open('/security')).html)).not.toContain('day left');
  });

  it('shows the rules that apply and who set them on the security page', async () => {
    const browser = await signedInBrowser(server);
    const user = await server.deps.store.users.findByEmail('ann@example.com');
    await server.deps.store.organizations.create(
      { id: 'org-acme', name: 'Acme Logistics', createdAt: server.clock.now() },
      { userId: user!.id, joinedAt: server.clock.now() },
    );
    await putPolicy(server, { requiredFrom: '2027-03-01T00:00', timeZone: 'UTC', sudoMinutes: 5 });
    await putPolicy(
      server,
      { allowedMethods: ['totp', 'sms'], backupRequired: true, sudoMinutes: 5 },
      'org-acme',
    );
    const text = textOf((await browser.open('/security')).html);
    expect(text).toContain('Rules for your account');
    expect(text).toContain(
      'Required from December 1, 2026 at 12:00 AM (Europe/Amsterdam) Set by Acme Logistics',
    );
    expect(text).toContain('Allowed methods Authenticator app, Text message Set by Acme Logistics');
    expect(text).toContain('Backup method Required Set by Acme Logistics');
    expect(text).toContain('5 minutes Set by the administrator of this service, Acme Logistics');
  });

  it('offers only the allowed methods at set-up and refuses a forged choice', async () => {
    await putPolicy(server, { requiredFrom: null, allowedMethods: ['totp', 'sms'] });
    const browser = await signedInBrowser(server);
    await browser.submitFrom('/confirm-password', '/confirm-password', { password, next: setupPath });
    const page = await browser.open(setupPath);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain('value="totp"');
    expect(page.html).toContain('value="sms"');
    expect(page.html).not.toContain('value="email"');
    expect(page.html).not.toContain('value="voice"');
    const forged = await browser.submit(setupPath, { _csrf: page.csrf, method: 'email' });
    expect(forged.status).toBe(403);
    expect(textOf(await forged.text())).toContain('This sign-in method is not allowed');
    // Straight to the e-mail form, past the choice: refused in words, and no code is sent.
    const direct = await browser.submitFrom(`${setupPath}/email`, `${setupPath}/email`, {
      address: 'ann@example.com',
    });
    expect(direct.status).toBe(400);
    expect(textOf(await direct.text())).toContain('This sign-in method is not allowed');
    expect((await outbox(server)).filter((m) => m.to === 'ann@example.com')).toEqual([]);
  });

  it('after the deadline, sends the sign-in straight to set-up, which says why', async () => {
    await putPolicy(server);
    server.clock.set(deadlineInstant);
    await seedUser(server);
    const browser = browserClient(server);
    const signedIn = await browser.submitFrom('/sign-in', '/sign-in', { email: 'ann@example.com', password });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(setupPath);
    const security = await browser.get('/security');
    expect(security.headers.get('location')).toBe(setupPath);
    const page = await browser.open(setupPath);
    expect(page.response.status).toBe(200);
    expect(textOf(page.html)).toContain(
      'Twostep requires two-factor authentication since December 1, 2026 at 12:00 AM (Europe/Amsterdam). Set it up now to continue to your account.',
    );
  });
});

describe('the organization policy form', () => {
  let server: TestServer;
  let orgId: string;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  async function orgWithOwnerAndMember() {
    const owner = await signedInBrowser(server, 'owner@example.com');
    const member = await signedInBrowser(server, 'member@example.com');
    const outsider = await signedInBrowser(server, 'outsider@example.com');
    const { store } = server.deps;
    const ownerUser = await store.users.findByEmail('owner@example.com');
    const memberUser = await store.users.findByEmail('member@example.com');
    orgId = 'org-acme';
    await store.organizations.create(
      { id: orgId, name: 'Acme', createdAt: server.clock.now() },
      { userId: ownerUser!.id, joinedAt: server.clock.now() },
    );
    await store.organizations.addMember({
      organizationId: orgId,
      userId: memberUser!.id,
      role: 'member',
      joinedAt: server.clock.now(),
    });
    for (const browser of [owner, member, outsider])
      await browser.submitFrom('/confirm-password', '/confirm-password', { password, next: '/security' });
    return { owner, member, outsider };
  }

  const fields = {
    requiredFrom: '2027-01-15T09:00',
    timeZone: 'Europe/Stockholm',
    backupRequired: 'on',
    recoveryCodesCountAsBackup: 'on',
    maxRememberDeviceDays: '7',
    sudoMinutes: '',
  };

  function submitPolicy(
    browser: Awaited<ReturnType<typeof signedInBrowser>>,
    csrf: string,
    extra: Record<string, string> = {},
  ) {
    const body = new URLSearchParams({ _csrf: csrf, ...fields, ...extra });
    body.append('allowedMethods', 'totp');
    body.append('allowedMethods', 'sms');
    return browser.send('POST', `/organizations/${orgId}/policy`, body.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
  }

  it('lets the owner save it from the organization page, and shows it back', async () => {
    const { owner } = await orgWithOwnerAndMember();
    const page = await owner.open(`/organizations/${orgId}`);
    expect(textOf(page.html)).toContain('Two-factor policy');
    const saved = await submitPolicy(owner, page.csrf);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/organizations/${orgId}?policy=saved#policy-heading`);
    const [stored] = await server.deps.store.policies.findForScopes([orgId]);
    expect(stored).toMatchObject({
      requiredFrom: new Date('2027-01-15T08:00:00Z'),
      allowedMethods: ['totp', 'sms'],
      backupRequired: true,
      maxRememberDeviceDays: 7,
      sudoMinutes: null,
    });
    const again = await owner.open(`/organizations/${orgId}?policy=saved`);
    expect(textOf(again.html)).toContain('The policy was saved.');
    expect(again.html).toContain('value="2027-01-15T09:00"');
    expect(again.html).toMatch(/value="email"\s*\/?>/);
  });

  it('refuses a member, an outsider, a forged form and bad values, and stores nothing', async () => {
    const { owner, member, outsider } = await orgWithOwnerAndMember();
    expect(textOf((await member.open(`/organizations/${orgId}`)).html)).not.toContain('Two-factor policy');
    const memberPage = await member.open('/security');
    expect((await submitPolicy(member, memberPage.csrf)).status).toBe(403);
    const outsiderPage = await outsider.open('/security');
    expect((await submitPolicy(outsider, outsiderPage.csrf)).status).toBe(404);
    expect((await submitPolicy(owner, 'forged')).status).toBe(403);
    const ownerPage = await owner.open(`/organizations/${orgId}`);
    const bad = await submitPolicy(owner, ownerPage.csrf, { timeZone: 'Mars/Olympus' });
    expect(bad.headers.get('location')).toBe(`/organizations/${orgId}?policy=invalid#policy-heading`);
    expect(textOf((await owner.open(`/organizations/${orgId}?policy=invalid`)).html)).toContain(
      'The policy was not saved.',
    );
    expect(await server.deps.store.policies.findForScopes([orgId])).toEqual([]);
  });
});

describe('policy refusals on the security pages', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('explains, and changes nothing, when the last method may not be removed or a primary lacks a backup', async () => {
    const { client, methodId } = await userWithTotp(server);
    await putPolicy(server, {
      requiredFrom: '2026-11-23T10:05',
      backupRequired: true,
      recoveryCodesCountAsBackup: false,
    });
    server.clock.set('2026-11-23T09:06:00Z');
    const browser = browserClient(server);
    browser.jar.set('twostep_session', client.jar.get('twostep_session') ?? '');
    await browser.submitFrom('/confirm-password', '/confirm-password', { password, next: '/security' });
    const security = await browser.open('/security');
    const primary = await browser.submit(`/security/two-factor/methods/${methodId}/primary`, {
      _csrf: security.csrf,
    });
    expect(primary.status).toBe(409);
    expect(textOf(await primary.text())).toContain('A backup method is required first. Add a second method');
    const removal = await browser.submit(`/security/two-factor/methods/${methodId}/remove`, {
      _csrf: security.csrf,
      code: '123456',
    });
    expect(removal.status).toBe(409);
    expect(textOf(await removal.text())).toContain('so this method cannot be removed');
    expect(
      await hasTwoFactor(
        server.deps.store,
        (await server.deps.store.users.findByEmail('ann@example.com'))!.id,
      ),
    ).toBe(true);
  });
});

describe('the cost of the policy on the API', () => {
  it('adds no store query to GET /api/v1/me of a signed-in user', async () => {
    const server = await testServer();
    try {
      await putPolicy(server);
      const browser = await signedInBrowser(server);
      const { store } = server.deps;
      let policyReads = 0;
      const findForScopes = store.policies.findForScopes.bind(store.policies);
      store.policies.findForScopes = (scopes) => {
        policyReads += 1;
        return findForScopes(scopes);
      };
      expect((await browser.get('/api/v1/me')).status).toBe(200);
      expect(policyReads).toBe(0);
      expect((await browser.get('/security')).status).toBe(200);
      expect(policyReads).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });
});
