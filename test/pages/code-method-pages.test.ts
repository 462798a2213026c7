import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../support/code-methods.js';
import { testServer } from '../support/test-server.js';
import { verifyAddress } from '../support/verify-email.js';
import {
  type BrowserClient,
  browserClient,
  password,
  type Server,
  signedInBrowser,
  textOf,
} from './page-client.js';

const setupPath = '/security/two-factor/setup';

/** The code in the newest message to `to` whose subject (or, for SMS, text) mentions `about`. */
async function codeSentTo(server: Server, to: string, about = /code/i): Promise<string> {
  const message = (await outbox(server)).find((m) => m.to === to && about.test(m.subject ?? m.text));
  const code = message?.text.match(/\b\d{6}\b/)?.[0];
  if (!code) throw new Error(`no code was sent to ${to}`);
  return code;
}

/** Confirms the password (sudo), then picks a method on the set-up page. */
async function chooseMethod(ann: BrowserClient, method: string) {
  const first = await ann.get(setupPath);
  if (first.status === 303) {
    const confirm = first.headers.get('location')!;
    expect((await ann.submitFrom(confirm, confirm, { password })).headers.get('location')).toBe(setupPath);
  }
  const intro = await ann.open(setupPath);
  expect(intro.html).toMatch(/<input type="radio" name="method" value="totp" checked/);
  return ann.submit(setupPath, { _csrf: intro.csrf, method, label: 'Authenticator app' });
}

/** From the code page: the first code is refused once wrong, then accepted. */
async function confirmWithCode(server: Server, ann: BrowserClient, codePath: string, to: string) {
  const page = await ann.open(codePath);
  expect(page.response.status).toBe(200);
  expect(page.html).toContain('autocomplete="one-time-code"');
  expect(page.html).toContain('inputmode="numeric"');
  const resendPath = codePath.replace(/\/code$/, '/resend');
  const early = await ann.submit(resendPath, { _csrf: page.csrf });
  expect(early.status).toBe(429);
  expect(textOf(await early.text())).toContain('You can send a new code in 30 seconds.');
  server.clock.advance(31_000);
  const resent = await ann.submit(resendPath, { _csrf: page.csrf });
  expect(resent.headers.get('location')).toBe(codePath);
  const wrong = await ann.submit(codePath, { _csrf: page.csrf, code: '000000' });
  expect(wrong.status).toBe(400);
  expect(textOf(await wrong.text())).toContain('That code is not correct.');
  const done = await ann.submit(codePath, { _csrf: page.csrf, code: await codeSentTo(server, to) });
  server.clock.advance(1000);
  return done;
}

async function setUpEmail(server: Server, ann: BrowserClient, address: string) {
  const chosen = await chooseMethod(ann, 'email');
  expect(chosen.headers.get('location')).toBe(`${setupPath}/email`);
  const form = await ann.open(`${setupPath}/email`);
  expect(form.html).toContain('value="ann@example.com"');
  const sent = await ann.submit(`${setupPath}/email`, { _csrf: form.csrf, address });
  expect(sent.status).toBe(303);
  const codePath = sent.headers.get('location')!;
  expect(codePath).toMatch(/^\/security\/two-factor\/setup\/[^/]+\/code$/);
  return confirmWithCode(server, ann, codePath, address);
}

async function signInToSecondStep(server: Server) {
  const browser = browserClient(server);
  const answer = await browser.submitFrom('/sign-in', '/sign-in', { email: 'ann@example.com', password });
  expect(answer.headers.get('location')).toBe('/sign-in/second-factor');
  return browser;
}

/** "Send code", then the code from the message; the step must not send anything by itself. */
async function signInWithSentCode(server: Server, browser: BrowserClient, stepPath: string, to: string) {
  const before = (await outbox(server)).length;
  const step = await browser.open(stepPath);
  expect(textOf(step.html)).toContain('Send code');
  expect(step.html).not.toContain('autocomplete="one-time-code"');
  expect((await outbox(server)).length).toBe(before);
  const action = step.html
    .match(/action="(\/sign-in\/second-factor\/send[^"]*)"/)?.[1]
    ?.replaceAll('&amp;', '&');
  const sent = await browser.submit(action!, { _csrf: step.csrf });
  expect(sent.status).toBe(303);
  const codeStep = await browser.open(sent.headers.get('location')!);
  expect(textOf(codeStep.html)).toMatch(/We sent a code to \S+/);
  expect(textOf(codeStep.html)).toContain('You can send a new code in 30 seconds.');
  const again = await browser.submit(action!, { _csrf: step.csrf });
  expect(again.status).toBe(429);
  const code = await codeSentTo(server, to, /sign-in|code is/);
  const done = await browser.submit(sent.headers.get('location')!, { _csrf: codeStep.csrf, code });
  expect(done.status).toBe(303);
  expect(done.headers.get('location')).toBe('/security');
  expect((await browser.get('/api/v1/me')).status).toBe(200);
}

describe('e-mail, SMS and call codes through the pages', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('sets up e-mail codes, then signs in with "Send code" and the code', async () => {
    const ann = await signedInBrowser(server);
    // Codes go to the account address only once that address is proved.
    await verifyAddress(server, 'ann@example.com');
    const done = await setUpEmail(server, ann, 'ann@example.com');
    expect(done.status).toBe(200);
    expect(textOf(await done.text())).toContain('I have saved the recovery codes');

    const browser = await signInToSecondStep(server);
    await signInWithSentCode(server, browser, '/sign-in/second-factor', 'ann@example.com');
  });

  it('sets up SMS with a Dutch number, adds e-mail, and signs in with e-mail via "Use another method"', async () => {
    const ann = await signedInBrowser(server);
    expect((await chooseMethod(ann, 'sms')).headers.get('location')).toBe(`${setupPath}/phone?type=sms`);
    const form = await ann.open(`${setupPath}/phone?type=sms`);
    expect(textOf(form.html)).toContain(
      'Text messages and calls can be intercepted; an authenticator app is safer.',
    );
    expect(form.html).toMatch(/<option value="NL">Netherlands \(\+31\)<\/option>/);
    expect(form.html).toMatch(/<option value="US" selected="">/);
    const phonePath = `${setupPath}/phone?type=sms`;
    const invalid = await ann.submit(phonePath, { _csrf: form.csrf, country: 'NL', phone: '12345' });
    expect(invalid.status).toBe(400);
    expect(textOf(await invalid.text())).toContain('That is not a valid phone number.');
    const sent = await ann.submit(phonePath, { _csrf: form.csrf, country: 'NL', phone: '06 12345678' });
    expect(sent.status).toBe(303);
    const codePage = await ann.open(sent.headers.get('location')!);
    expect(textOf(codePage.html)).toContain('We sent a code to +31 6 •••• 5678.');
    expect((await confirmWithCode(server, ann, sent.headers.get('location')!, '+31612345678')).status).toBe(
      200,
    );

    const second = await setUpEmail(server, ann, 'ann.backup@example.org');
    expect(second.headers.get('location')).toBe('/security?notice=method-added');

    const browser = await signInToSecondStep(server);
    const step = await browser.open('/sign-in/second-factor');
    const text = textOf(step.html);
    expect(text).toContain('Get a code by text message at +31 6 •••• 5678.');
    expect(text.indexOf('E-mail to a•••@example.org')).toBeGreaterThan(-1);
    expect(text.indexOf('Use a recovery code instead')).toBeGreaterThan(text.indexOf('E-mail to'));
    const mailLink = step.html.match(/href="(\/sign-in\/second-factor\?method=[^"]+)">E-mail to/)?.[1];
    await signInWithSentCode(server, browser, mailLink!.replaceAll('&amp;', '&'), 'ann.backup@example.org');
  });

  it('speaks Dutch on the choice and code pages', async () => {
    const ann = await signedInBrowser(server);
    await chooseMethod(ann, 'email');
    const page = await ann.open(`${setupPath}/phone?type=voice`, { 'accept-language': 'nl' });
    const text = textOf(page.html);
    expect(text).toContain('Codes ontvangen via een telefoongesprek');
    expect(page.html).toMatch(/<option value="NL" selected="">Nederland \(\+31\)<\/option>/);
  });

  it('refuses the new forms without the form token, and sends nothing', async () => {
    const ann = await signedInBrowser(server);
    await verifyAddress(server, 'ann@example.com');
    await chooseMethod(ann, 'email');
    const before = (await outbox(server)).length;
    for (const path of [`${setupPath}/email`, `${setupPath}/phone?type=sms`]) {
      const refused = await ann.submit(path, {
        _csrf: 'forged',
        address: 'eve@example.com',
        phone: '+31612345678',
      });
      expect(refused.status, path).toBe(403);
    }
    await setUpEmail(server, ann, 'ann@example.com');
    const browser = await signInToSecondStep(server);
    const refused = await browser.submit('/sign-in/second-factor/send', { _csrf: 'forged' });
    expect(refused.status).toBe(403);
    expect((await outbox(server)).filter((m) => m.to === 'eve@example.com')).toEqual([]);
    expect((await outbox(server)).length).toBeGreaterThan(before);
    expect((await outbox(server)).some((m) => /sign-in code/.test(m.subject ?? ''))).toBe(false);
  });
});
