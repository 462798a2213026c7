import * as OTPAuth from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServer } from '../support/test-server.js';
import {
  type BrowserClient,
  browserClient,
  password,
  type Server,
  signedInBrowser,
  textOf,
} from './page-client.js';

/** Walks the set-up the way a person without JavaScript does, reading the key off the page. */
async function setUpAuthenticator(server: Server, ann: BrowserClient) {
  const first = await ann.get('/security/two-factor/setup');
  expect(first.status).toBe(303);
  expect(first.headers.get('location')).toBe('/confirm-password?next=/security/two-factor/setup');
  const confirmed = await ann.submitFrom(first.headers.get('location')!, first.headers.get('location')!, {
    password,
  });
  expect(confirmed.headers.get('location')).toBe('/security/two-factor/setup');
  const created = await ann.submitFrom('/security/two-factor/setup', '/security/two-factor/setup', {
    label: 'Work phone',
  });
  expect(created.status).toBe(303);
  const scanPath = created.headers.get('location')!;
  const scan = await ann.open(scanPath);
  expect(scan.response.status).toBe(200);
  expect(scan.html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="QR code for adding ann@example.com/);
  const typedKey = scan.html.match(/class="typed-key">([A-Z2-7 ]+)</)?.[1];
  expect(typedKey).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
  expect(scan.html).toContain('inputmode="numeric"');
  expect(scan.html).toContain('autocomplete="one-time-code"');
  const app = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(typedKey!.replaceAll(' ', '')) });
  const code = () => app.generate({ timestamp: server.clock.now().getTime() });
  const wrong = await ann.submit(scanPath, { _csrf: scan.csrf, code: '000000' });
  expect(wrong.status).toBe(400);
  const done = await ann.submit(scanPath, { _csrf: scan.csrf, code: code() });
  expect(done.status).toBe(200);
  const html = await done.text();
  const codes = [...html.matchAll(/<li><code>([0-9a-z]{5}-[0-9a-z]{5})<\/code><\/li>/g)].map((m) => m[1]!);
  expect(codes).toHaveLength(10);
  expect(html).toContain('I have saved the recovery codes');
  expect(html).toMatch(/download="twostep-recovery-codes.txt" href="data:text\/plain/);
  server.clock.advance(30_000);
  return { code, codes };
}

async function signInToSecondStep(server: Server) {
  const browser = browserClient(server);
  const answer = await browser.submitFrom('/sign-in', '/sign-in', { email: 'ann@example.com', password });
  expect(answer.status).toBe(303);
  expect(answer.headers.get('location')).toBe('/sign-in/second-factor');
  return browser;
}

describe('two-factor pages without JavaScript', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('sets up an authenticator, then signs in with a code and with a recovery code', async () => {
    const ann = await signedInBrowser(server);
    const laptop = await signedInBrowser(server, 'ann@example.com', { seed: false });
    const { code, codes } = await setUpAuthenticator(server, ann);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    const security = textOf((await ann.open('/security')).html);
    expect(security).toContain('Work phone');

    const browser = await signInToSecondStep(server);
    expect((await browser.get('/security')).status).toBe(303);
    const step = await browser.open('/sign-in/second-factor');
    expect(step.html).toContain('autocomplete="one-time-code"');
    expect(textOf(step.html)).toContain('Use a recovery code instead');
    const bad = await browser.submit('/sign-in/second-factor', { _csrf: step.csrf, code: '123456' });
    expect(bad.status).toBe(400);
    expect(textOf(await bad.text())).toContain('That code is not correct.');
    const good = await browser.submit('/sign-in/second-factor', { _csrf: step.csrf, code: code() });
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe('/security');
    expect((await browser.get('/api/v1/me')).status).toBe(200);

    const other = await signInToSecondStep(server);
    const recovery = await other.open('/sign-in/second-factor?method=recovery_code');
    expect(textOf(recovery.html)).toContain('Recovery code');
    const used = await other.submit('/sign-in/second-factor?method=recovery_code', {
      _csrf: recovery.csrf,
      code: codes[0]!.toUpperCase(),
    });
    expect(used.status).toBe(303);
    expect((await other.get('/api/v1/me')).status).toBe(200);
  });

  it('sends the user back to the password after five wrong codes', async () => {
    const ann = await signedInBrowser(server);
    await setUpAuthenticator(server, ann);
    const browser = await signInToSecondStep(server);
    const { csrf } = await browser.open('/sign-in/second-factor');
    let last: Response | undefined;
    for (let i = 0; i < 5; i++)
      last = await browser.submit('/sign-in/second-factor', { _csrf: csrf, code: `11111${i}` });
    expect(last?.status).toBe(303);
    expect(last?.headers.get('location')).toBe('/sign-in?expired=1');
  });

  it('turns 2FA off only with a current code', async () => {
    const ann = await signedInBrowser(server);
    const { code } = await setUpAuthenticator(server, ann);
    const me = (await (await ann.get('/api/v1/me')).json()) as {
      twoFactor: { methods: Array<{ id: string }> };
    };
    const { methods } = me.twoFactor;
    const removePath = `/security/two-factor/methods/${methods[0]!.id}/remove`;
    const page = await ann.open(removePath);
    expect(textOf(page.html)).toContain('turns two-factor authentication off');
    const refused = await ann.submit(removePath, { _csrf: page.csrf, code: '' });
    expect(refused.status).toBe(400);
    const removed = await ann.submit(removePath, { _csrf: page.csrf, code: code() });
    expect(removed.headers.get('location')).toBe('/security?notice=two-factor-off');
    expect(
      ((await (await ann.get('/api/v1/me')).json()) as { twoFactor: { enabled: boolean } }).twoFactor.enabled,
    ).toBe(false);
  });

  it('gives a half-signed-in session none of the set-up or management pages', async () => {
    const ann = await signedInBrowser(server);
    await setUpAuthenticator(server, ann);
    const pending = await signInToSecondStep(server);
    for (const path of ['/security', '/security/two-factor/setup', '/confirm-password?next=/security']) {
      const answer = await pending.get(path);
      expect(answer.status, path).toBe(303);
      expect(answer.headers.get('location'), path).toMatch(/^\/sign-in\?next=/);
    }
    const { csrf } = await pending.open('/sign-in/second-factor');
    for (const path of ['/security/two-factor/setup', '/security/two-factor/recovery-codes']) {
      const answer = await pending.submit(path, { _csrf: csrf, label: 'Attacker phone' });
      expect(answer.status, path).toBe(303);
      expect(answer.headers.get('location'), path).toMatch(/^\/sign-in\?next=/);
    }
    expect(
      await server.deps.store.methods.listForUser(
        (await server.deps.store.users.findByEmail('ann@example.com'))!.id,
      ),
    ).toHaveLength(1);
  });

  it('refuses every two-factor form without its CSRF token', async () => {
    const ann = await signedInBrowser(server);
    for (const path of [
      '/security/two-factor/setup',
      '/security/two-factor/recovery-codes',
      '/sign-in/second-factor',
    ]) {
      const answer = await ann.submit(path, { code: '123456' });
      expect(answer.status, path).toBe(403);
    }
  });
});
