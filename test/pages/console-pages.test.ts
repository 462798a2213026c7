import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantRole, userId } from '../support/staff.js';
import { testServer } from '../support/test-server.js';
import { userWithTotp } from '../support/two-factor.js';
import {
  type BrowserClient,
  browserClient,
  password,
  type Server,
  signedInBrowser,
  textOf,
} from './page-client.js';

const reason = 'Lost phone and codes; identity checked on a video call';

let server: Server;
let ann: Awaited<ReturnType<typeof userWithTotp>>;
let annId: string;
let support: BrowserClient;

beforeEach(async () => {
  server = await testServer();
  ann = await userWithTotp(server);
  annId = await userId(server, 'ann@example.com');
  support = await signedInBrowser(server, 'support@staff.example');
  await grantRole(server, 'support@staff.example', 'support');
});
afterEach(() => server.close());

/** Ann's own browser, holding the session her API client signed in with. */
function annBrowser(): BrowserClient {
  const browser = browserClient(server);
  browser.jar.set('twostep_session', ann.client.jar.get('twostep_session') ?? '');
  return browser;
}

describe('support console pages', () => {
  it('opens on an overview with the navigation, and finds a user by e-mail', async () => {
    const home = await support.open('/console');
    expect(home.response.status).toBe(200);
    expect(home.html).toContain('aria-label="Console sections"');
    expect(home.html).toContain('href="/console/users"');
    expect(textOf(home.html)).toContain('Support console');

    const search = await support.open('/console/users');
    expect(search.html).toContain('action="/console/users"');
    expect(search.html).toContain('aria-current="page"');

    const missing = await support.open('/console/users?email=nobody%40example.com');
    expect(missing.response.status).toBe(404);
    expect(textOf(missing.html)).toContain('There is no account with that e-mail address.');

    const found = await support.get('/console/users?email=Ann%40Example.com');
    expect(found.status).toBe(303);
    expect(found.headers.get('location')).toBe(`/console/users/${annId}`);
  });

  it("shows the user's methods, devices and history, never a secret", async () => {
    const { html } = await support.open(`/console/users/${annId}`);
    const text = textOf(html);
    expect(text).toContain('ann@example.com');
    expect(text).toMatch(/Authenticator app\s+Phone/);
    expect(text).toContain('Recovery codes left: 10');
    expect(text).toContain('Signed-in devices');
    expect(text).toContain('Recent activity');
    expect(html).toContain(`action="/console/users/${annId}/sign-out"`);
    expect(html).toContain(`action="/console/users/${annId}/disable"`);
    expect(html).toContain(`action="/console/users/${annId}/reset-2fa"`);
    expect(html).not.toContain(ann.secret);
    expect(html).not.toContain('otpauth://');
  });

  it('asks for the password first, wants a reason, then resets and says so', async () => {
    const page = await support.open(`/console/users/${annId}`);
    const noSudo = await support.submit(`/console/users/${annId}/reset-2fa`, { _csrf: page.csrf, reason });
    expect(noSudo.status).toBe(303);
    expect(noSudo.headers.get('location')).toBe(`/confirm-password?next=/console/users/${annId}`);
    const confirmed = await support.submitFrom(
      noSudo.headers.get('location')!,
      noSudo.headers.get('location')!,
      {
        password,
      },
    );
    expect(confirmed.headers.get('location')).toBe(`/console/users/${annId}`);

    const empty = await support.submit(`/console/users/${annId}/reset-2fa`, {
      _csrf: page.csrf,
      reason: '   ',
    });
    expect(empty.status).toBe(400);
    expect(textOf(await empty.text())).toContain('Give a reason for the reset.');
    expect(await server.deps.store.twoFactorResets.findPendingForUser(annId)).toBeNull();

    const done = await support.submit(`/console/users/${annId}/reset-2fa`, { _csrf: page.csrf, reason });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/console/users/${annId}?done=reset-requested`);
    const after = textOf((await support.open(done.headers.get('location')!)).html);
    expect(after).toContain('The reset was requested and the user was notified.');
    expect(after).toMatch(/A reset is waiting\. It takes effect on .+ unless the user cancels it\./);
    expect(after).toContain(reason);
  });

  it('shows the user a banner on every page and lets them cancel from the security page', async () => {
    const confirm = await support.submitFrom('/confirm-password', '/confirm-password', { password });
    expect(confirm.status).toBe(303);
    const page = await support.open(`/console/users/${annId}`);
    await support.submit(`/console/users/${annId}/reset-2fa`, { _csrf: page.csrf, reason });

    const browser = annBrowser();
    const security = await browser.open('/security');
    const text = textOf(security.html);
    expect(text).toContain('Our support team was asked to reset your two-step verification');
    expect(security.html).toContain('action="/security/two-factor-reset/cancel"');
    expect(textOf((await browser.open('/security/password')).html)).toContain('Review and cancel');

    const cancelled = await browser.submit('/security/two-factor-reset/cancel', { _csrf: security.csrf });
    expect(cancelled.status).toBe(200);
    expect(textOf(await cancelled.text())).toContain('The reset was cancelled.');
    expect(textOf((await browser.open('/security')).html)).not.toContain('Review and cancel');
    expect(await server.deps.store.methods.listForUser(annId)).toHaveLength(1);
  });

  it.each([
    ['nl', 'Gebruiker zoeken'],
    ['sv', 'Hitta en användare'],
    ['pt-BR', 'Encontrar um usuário'],
  ])('speaks %s', async (locale, title) => {
    const { html } = await support.open('/console/users', { 'accept-language': locale });
    expect(html).toContain(`<html lang="${locale}">`);
    expect(textOf(html)).toContain(title);
  });
});
