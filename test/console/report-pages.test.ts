import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserClient, seedUser, signedInBrowser, textOf } from '../pages/page-client.js';
import { giveSecondFactor } from '../support/staff.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { giveMethod, parseCsv, pastEvent } from './report-fixtures.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

/** A browser signed in through the pages, holding the staff role asked for (or none). */
async function staffBrowser(email: string, role: 'support' | 'operator' | null) {
  const user = await seedUser(server, email);
  if (role) await server.deps.store.users.setStaffRole(user.id, role);
  const browser = await signedInBrowser(server, email, { seed: false });
  // Staff need 2FA of their own for the console; given after sign-in, the session stays as it is.
  if (role) await giveSecondFactor(server, user.id);
  return { user, browser };
}

const paths = ['/console/audit', '/console/audit.csv', '/console/adoption'];

describe('who may open the report pages', () => {
  let plain: Awaited<ReturnType<typeof staffBrowser>>;
  let support: Awaited<ReturnType<typeof staffBrowser>>;
  let operator: Awaited<ReturnType<typeof staffBrowser>>;
  beforeAll(async () => {
    plain = await staffBrowser('plain@example.com', null);
    support = await staffBrowser('support@example.com', 'support');
    operator = await staffBrowser('operator@example.com', 'operator');
  });

  it.each(paths)('%s: signed out goes to sign in, then comes back', async (path) => {
    const answer = await browserClient(server).get(path);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`/sign-in?next=${path}`);
  });

  it.each(paths)('%s: a customer and support staff get "no access" and nothing else', async (path) => {
    for (const { browser } of [plain, support]) {
      const answer = await browser.get(path);
      expect(answer.status).toBe(403);
      const html = await answer.text();
      expect(html).not.toContain('operator@example.com');
      expect(html).not.toContain('reports.');
    }
  });

  it.each(paths)('%s: an operator gets it', async (path) => {
    expect((await operator.browser.get(path)).status).toBe(200);
  });

  it('shows the report sections in the navigation to operators only', async () => {
    const nav = (html: string) => html.match(/<nav class="console-nav"[\s\S]*?<\/nav>/)?.[0] ?? '';
    const operatorNav = nav((await operator.browser.open('/console')).html);
    expect(operatorNav).toContain('href="/console/audit"');
    expect(operatorNav).toContain('href="/console/adoption"');
    const supportNav = nav((await support.browser.open('/console')).html);
    expect(supportNav).toContain('href="/console/users"');
    expect(supportNav).not.toContain('/console/audit');
    expect(supportNav).not.toContain('/console/adoption');
  });
});

describe('audit explorer page', () => {
  let operator: Awaited<ReturnType<typeof staffBrowser>>;
  beforeEach(async () => {
    operator ??= await staffBrowser('op-audit@example.com', 'operator');
  });

  it('filters by e-mail, event and days, and keeps the filters in the export link', async () => {
    const victim = await seedUser(server, 'victim@example.com');
    await pastEvent(server, {
      userId: victim.id,
      type: 'sign_in_failed',
      at: '2026-06-01T10:00:00Z',
      ip: '192.0.2.66',
    });
    await pastEvent(server, {
      userId: victim.id,
      type: 'password_changed',
      at: '2026-06-02T10:00:00Z',
      ip: '192.0.2.67',
    });
    await pastEvent(server, {
      userId: victim.id,
      type: 'sign_in_failed',
      at: '2026-06-05T10:00:00Z',
      ip: '192.0.2.68',
    });
    const { response, html } = await operator.browser.open(
      '/console/audit?email=victim%40example.com&type=sign_in_failed&from=2026-06-01&until=2026-06-04',
    );
    expect(response.status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('192.0.2.66');
    expect(text).not.toContain('192.0.2.67');
    expect(text).not.toContain('192.0.2.68');
    expect(html).toContain(
      'href="/console/audit.csv?email=victim%40example.com&amp;type=sign_in_failed&amp;from=2026-06-01&amp;until=2026-06-04"',
    );
    // The filters stay filled in.
    expect(html).toMatch(/name="email" type="email" value="victim@example.com"/);
    expect(html).toMatch(/<option value="sign_in_failed" selected="">/);
  });

  it('says so when the address has no account, and refuses a backwards range with 400', async () => {
    const unknown = await operator.browser.open('/console/audit?email=ghost%40example.com');
    expect(textOf(unknown.html)).toContain('There is no account with that e-mail address.');
    const backwards = await operator.browser.open('/console/audit?from=2026-06-05&until=2026-06-01');
    expect(backwards.response.status).toBe(400);
    expect(textOf(backwards.html)).toContain('Enter dates like 2026-11-23');
  });

  it('pages to older events and back', async () => {
    const user = await seedUser(server, 'pager@example.com');
    for (let i = 0; i < 55; i++) {
      await pastEvent(server, {
        userId: user.id,
        type: 'method_renamed',
        at: new Date(Date.parse('2026-05-01T00:00:00Z') + i * 1000).toISOString(),
      });
    }
    const first = await operator.browser.open('/console/audit?email=pager%40example.com');
    expect(first.html.match(/<tr/g)?.length).toBe(51);
    const older = first.html.match(/href="(\/console\/audit\?[^"]*cursor=[^"]+)" rel="next"/)?.[1];
    expect(older).toBeDefined();
    const second = await operator.browser.open((older ?? '').replaceAll('&amp;', '&'));
    expect(second.html.match(/<tr/g)?.length).toBe(6);
    expect(second.html).toContain('href="/console/audit?email=pager%40example.com"');
    // A cursor edited by hand starts over from the newest, with the same filters.
    const edited = await operator.browser.get('/console/audit?email=pager%40example.com&cursor=broken');
    expect(edited.status).toBe(303);
    expect(edited.headers.get('location')).toBe('/console/audit?email=pager%40example.com');
  });

  it('downloads the filtered events as CSV with formulas defused', async () => {
    const user = await seedUser(server, 'csv@example.com');
    await pastEvent(server, {
      userId: user.id,
      type: 'sign_in_failed',
      at: '2026-04-01T10:00:00Z',
      userAgent: '+cmd|calc',
    });
    const answer = await operator.browser.get('/console/audit.csv?email=csv%40example.com');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parseCsv(await answer.text());
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(1, 3)).toEqual(['sign_in_failed', 'csv@example.com']);
    expect(rows[1]?.[5]).toBe("'+cmd|calc");
  });
});

describe('adoption dashboard page', () => {
  it('shows the figures of a seeded set of users, with accessible charts', async () => {
    const fresh = await testServer();
    try {
      const operatorUser = await seedUser(fresh, 'boss@example.com');
      await fresh.deps.store.users.setStaffRole(operatorUser.id, 'operator');
      await seedUser(fresh, 'ann@example.com');
      const bob = await seedUser(fresh, 'bob@example.com');
      await seedUser(fresh, 'cy@example.com');
      // The operator's own authenticator counts like anyone's (staff need 2FA for the console).
      await giveMethod(fresh, bob.id, 'totp');
      await giveMethod(fresh, bob.id, 'sms');
      // Yesterday's figure, as the job would have taken it.
      await fresh.deps.store.adoption.recordSnapshot({
        day: '2026-11-22',
        takenAt: new Date('2026-11-22T09:00:00Z'),
        users: 4,
        withTwoFactor: 1,
        byMethod: { totp: 1 },
      });
      const browser = await signedInBrowser(fresh, 'boss@example.com', { seed: false });
      await giveSecondFactor(fresh, operatorUser.id);
      const { response, html } = await browser.open('/console/adoption');
      expect(response.status).toBe(200);
      const text = textOf(html);
      expect(text).toContain('50%');
      expect(text).toContain('2 of 4 active accounts');
      expect(text).toMatch(/Authenticator app\s*2\s*50%/);
      expect(text).toMatch(/Code by text message\s*1\s*25%/);
      // Charts: SVG with a title and a description, and the figures as a table.
      expect(html).toMatch(
        /<svg class="chart-svg"[^>]*role="img"[^>]*aria-labelledby="chart-share-title chart-share-desc"/,
      );
      expect(html).toContain(
        '<title id="chart-share-title">Share of users with two-factor authentication</title>',
      );
      expect(html).toMatch(/<desc id="chart-share-desc">[^<]*Latest value: 50%/);
      expect(html).toMatch(/<th scope="row">Nov 22<\/th><td class="report-number">25%<\/td>/);
      expect(html).toMatch(/<th scope="row">Nov 23<\/th><td class="report-number">50%<\/td>/);
      // No inline style or script: the CSP would block them.
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toMatch(/<script(?![^>]*src=)/);
      // Opening the dashboard took today's snapshot.
      expect((await fresh.deps.store.adoption.history('2026-11-23', '2026-11-23'))[0]).toMatchObject({
        users: 4,
        withTwoFactor: 2,
      });
    } finally {
      await fresh.close();
    }
  });

  it('speaks the operator’s language', async () => {
    const fresh = await testServer();
    try {
      const boss = await seedUser(fresh, 'baas@example.com');
      await fresh.deps.store.users.setStaffRole(boss.id, 'operator');
      const browser = await signedInBrowser(fresh, 'baas@example.com', { seed: false });
      await giveSecondFactor(fresh, boss.id);
      const { html } = await browser.open('/console/adoption', { 'accept-language': 'nl' });
      expect(textOf(html)).toContain('Gebruik van tweestapsverificatie');
      expect(html).toContain('<html lang="nl"');
    } finally {
      await fresh.close();
    }
  });
});
