import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastCodeTo, userWithPhone } from '../support/code-methods.js';
import { rememberCookie } from '../support/remembered-devices.js';
import { testServer } from '../support/test-server.js';
import { userWithTotp } from '../support/two-factor.js';
import { type BrowserClient, browserClient, password, type Server, textOf } from './page-client.js';

const step = '/sign-in/second-factor';

/** The password page, as a person types it; answers where the browser is sent next. */
async function typePassword(browser: BrowserClient) {
  const answer = await browser.submitFrom('/sign-in', '/sign-in', { email: 'ann@example.com', password });
  expect(answer.status).toBe(303);
  return answer.headers.get('location');
}

async function typeCode(server: Server, browser: BrowserClient, code: string, remember: boolean) {
  const page = await browser.open(step);
  const answer = await browser.submit(step, {
    _csrf: page.csrf,
    code,
    ...(remember ? { rememberDevice: '1' } : {}),
  });
  server.clock.advance(30_000);
  return answer;
}

async function signOut(browser: BrowserClient) {
  const { csrf } = await browser.open('/security');
  expect((await browser.submit('/sign-out', { _csrf: csrf })).status).toBe(303);
}

describe('remember this device on the pages', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('offers the box at the second step in all four languages, off by default', async () => {
    await userWithTotp(server);
    const browser = browserClient(server);
    expect(await typePassword(browser)).toBe(step);
    const wanted = {
      en: 'Don’t ask again on this device for 30 days',
      nl: 'Op dit apparaat 30 dagen niet meer vragen',
      sv: 'Fråga inte igen på den här enheten på 30 dagar',
      'pt-BR': 'Não perguntar de novo neste dispositivo por 30 dias',
    };
    for (const [language, text] of Object.entries(wanted)) {
      const { html } = await browser.open(step, { 'accept-language': language });
      expect(textOf(html), language).toContain(text);
      expect(html).toMatch(/<input type="checkbox" id="remember-device" name="rememberDevice" value="1"/);
      expect(html).not.toMatch(/id="remember-device"[^>]*checked/);
    }
    const recovery = await browser.open(`${step}?method=recovery_code`);
    expect(textOf(recovery.html)).toContain('Don’t ask again on this device for 30 days');
  });

  it('skips the code after the password once ticked, lists the device, and forgets it', async () => {
    const { app } = await userWithTotp(server);
    const browser = browserClient(server, {
      userAgent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15',
    });
    await typePassword(browser);
    const wrong = await typeCode(server, browser, '000000', true);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/id="remember-device"[^>]*checked/);
    expect(browser.jar.has(rememberCookie)).toBe(false);
    const done = await typeCode(server, browser, app.code(), true);
    expect(done.status).toBe(303);
    expect(browser.jar.has(rememberCookie)).toBe(true);

    await signOut(browser);
    expect(await typePassword(browser)).toBe('/security');
    const security = await browser.open('/security');
    const text = textOf(security.html);
    expect(text).toContain('Remembered devices');
    expect(text).toMatch(/Safari on macOS\s*This device/);
    expect(text).toContain('Signed in on a remembered device, without the two-factor step');
    expect(text).toContain('Device remembered: no two-factor step there for a while');

    const id = security.html.match(/action="\/security\/remembered-devices\/([^/"]+)\/forget"/)?.[1];
    expect(id).toBeTruthy();
    const refused = await browser.submit(`/security/remembered-devices/${id}/forget`, { _csrf: 'forged' });
    expect(refused.status).toBe(403);
    const forgot = await browser.submit(`/security/remembered-devices/${id}/forget`, {
      _csrf: security.csrf,
    });
    expect(forgot.headers.get('location')).toBe('/security?notice=device-forgotten');
    const after = textOf((await browser.open('/security?notice=device-forgotten')).html);
    expect(after).toContain('The device was forgotten.');
    expect(after).toContain('No device is remembered.');
    const again = await browser.submit(`/security/remembered-devices/${id}/forget`, { _csrf: security.csrf });
    expect(again.headers.get('location')).toBe('/security?notice=device-already-forgotten');

    await signOut(browser);
    expect(await typePassword(browser)).toBe(step);
  });

  it('offers the box with a code sent by SMS too, and remembers the device', async () => {
    const { phone } = await userWithPhone(server);
    const browser = browserClient(server);
    expect(await typePassword(browser)).toBe(step);
    const before = await browser.open(step);
    expect(before.html).not.toContain('rememberDevice');
    const sendAction = before.html.match(/action="(\/sign-in\/second-factor\/send[^"]*)"/)?.[1];
    const sent = await browser.submit(sendAction!.replaceAll('&amp;', '&'), { _csrf: before.csrf });
    expect(sent.status).toBe(303);
    const codePage = await browser.open(sent.headers.get('location')!);
    expect(textOf(codePage.html)).toContain('Don’t ask again on this device for 30 days');
    const done = await browser.submit(sent.headers.get('location')!, {
      _csrf: codePage.csrf,
      code: await lastCodeTo(server, phone),
      rememberDevice: '1',
    });
    expect(done.status).toBe(303);
    expect(browser.jar.has(rememberCookie)).toBe(true);
    await signOut(browser);
    expect(await typePassword(browser)).toBe('/security');
  });

  it('"Forget all" forgets every device of the user', async () => {
    const { app } = await userWithTotp(server);
    const laptop = browserClient(server);
    await typePassword(laptop);
    await typeCode(server, laptop, app.code(), true);
    const desktop = browserClient(server);
    await typePassword(desktop);
    await typeCode(server, desktop, app.code(), true);
    const security = await desktop.open('/security');
    expect(security.html.match(/\/security\/remembered-devices\/[^/"]+\/forget/g)).toHaveLength(2);
    const all = await desktop.submit('/security/remembered-devices/forget-all', { _csrf: security.csrf });
    expect(all.headers.get('location')).toBe('/security?notice=devices-forgotten');
    expect(textOf((await desktop.open('/security?notice=devices-forgotten')).html)).toContain(
      'All remembered devices were forgotten.',
    );
    await signOut(laptop);
    expect(await typePassword(laptop)).toBe(step);
  });
});

describe('remember this device turned off on the pages', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer({ env: { TWOSTEP_REMEMBER_DEVICE_DAYS: '0' } });
  });
  afterEach(() => server.close());

  it('shows no box, and a forged tick remembers nothing', async () => {
    const { app } = await userWithTotp(server);
    const browser = browserClient(server);
    await typePassword(browser);
    const { html } = await browser.open(step);
    expect(html).not.toContain('rememberDevice');
    const done = await typeCode(server, browser, app.code(), true);
    expect(done.status).toBe(303);
    expect(browser.jar.has(rememberCookie)).toBe(false);
    expect(textOf((await browser.open('/security')).html)).not.toContain('Remembered devices');
  });
});
