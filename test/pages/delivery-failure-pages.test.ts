import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../support/fake-twilio.js';
import { testServer } from '../support/test-server.js';
import { browserClient, password, type Server, signedInBrowser, textOf } from './page-client.js';

const account = { accountSid: `AC${'2'.repeat(32)}`, authToken: 'fake-token' };
const smsNumber = '+31612345678';
const voiceNumber = '+31201234567';

/** The code in the newest request Twilio got: from the SMS body, or the digits the call reads. */
function lastTwilioCode(twilio: FakeTwilio): string {
  const form = twilio.requests.at(-1)?.form ?? {};
  const text = (form.Body ?? form.Twiml ?? '').replace(/(\d), (?=\d)/g, '$1');
  const code = /\b\d{6}\b/.exec(text)?.[0];
  if (!code) throw new Error('Twilio got no code');
  return code;
}

/**
 * T-CODE-8: a provider error at the second step reaches the user as "we could not send the code —
 * try another method", with the other methods right there, and lands in the audit trail with
 * Twilio's status and error code; never the provider's own words.
 */
describe('a failed SMS or call at sign-in', () => {
  let server: Server;
  let twilio: FakeTwilio;
  beforeEach(async () => {
    twilio = await startFakeTwilio(account);
    server = await testServer({
      env: {
        TWOSTEP_SMS_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: account.accountSid,
        TWILIO_AUTH_TOKEN: account.authToken,
        TWILIO_FROM: '+15005550006',
        TWILIO_BASE_URL: twilio.baseUrl,
      },
    });
  });
  afterEach(async () => {
    await server.close();
    await twilio.close();
  });

  it('says so in the user’s language, offers the other methods, and is audited', async () => {
    const ann = await signedInBrowser(server);
    expect((await ann.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const ids: Record<string, string> = {};
    for (const [type, phone] of [
      ['sms', smsNumber],
      ['voice', voiceNumber],
    ] as const) {
      const created = await ann.post('/api/v1/me/methods', { type, phone });
      expect(created.status).toBe(201);
      ids[type] = ((await created.json()) as { id: string }).id;
      const code = lastTwilioCode(twilio);
      expect((await ann.post(`/api/v1/me/methods/${ids[type]}/confirm`, { code })).status).toBe(200);
      server.clock.advance(1000);
    }

    const browser = browserClient(server);
    const signedIn = await browser.submitFrom('/sign-in', '/sign-in', { email: 'ann@example.com', password });
    expect(signedIn.headers.get('location')).toBe('/sign-in/second-factor');
    const step = await browser.open('/sign-in/second-factor', { 'accept-language': 'nl' });
    twilio.failNext({ status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });
    const failed = await browser.submit(
      `/sign-in/second-factor/send?method=${ids.sms}`,
      { _csrf: step.csrf },
      { 'accept-language': 'nl' },
    );
    expect(failed.status).toBe(502);
    const text = textOf(await failed.text());
    expect(text).toContain('We konden de code niet versturen. Probeer een andere methode.');
    expect(text).not.toContain('unsubscribed');
    expect(text).toContain('Telefoongesprek naar +31 2 •••• 4567');
    expect(text).toContain('Gebruik in plaats daarvan een herstelcode');
    // Nothing went out, so nothing claims it did, and "Send code" is there to try again.
    expect(text).not.toContain('We hebben een code gestuurd');
    expect(text).toContain('Code versturen');

    // The call fails too, with Twilio down: the same words, and a second audit event.
    twilio.failNext({ status: 503, code: 20503, message: 'Service Unavailable' });
    const callFailed = await browser.submit(`/sign-in/second-factor/send?method=${ids.voice}`, {
      _csrf: step.csrf,
    });
    expect(callFailed.status).toBe(502);
    expect(textOf(await callFailed.text())).toContain('We could not send the code. Try another method.');

    const me = (await (await ann.get('/api/v1/me')).json()) as { id: string };
    const failures = (await server.deps.store.audit.listForUser(me.id, 50)).filter(
      (e) => e.type === 'code_delivery_failed',
    );
    const byChannel = failures
      .map((e) => e.detail)
      .sort((a, b) => String(a.channel).localeCompare(String(b.channel)));
    expect(byChannel).toEqual([
      { channel: 'sms', failure: 'rejected', providerStatus: 400, providerCode: 21610 },
      { channel: 'voice', failure: 'unavailable', providerStatus: 503, providerCode: 20503 },
    ]);
    expect(failures[0]?.ip).toBe('203.0.113.10');
    // Still owed: a failed send signs nobody in.
    expect((await browser.get('/api/v1/me')).status).toBe(401);
  });
});
