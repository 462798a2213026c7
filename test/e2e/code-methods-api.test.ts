import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addConfirmedMethod, lastCodeTo, outbox, userWithPhone } from '../support/code-methods.js';
import { startFakeTwilio } from '../support/fake-twilio.js';
import { testServer } from '../support/test-server.js';
import { password, pendingSignIn, signUpAndIn } from '../support/two-factor.js';

type Server = Awaited<ReturnType<typeof testServer>>;

describe('e-mail, SMS and voice codes through the API', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('sets up SMS with a national number: E.164, WebOTP line, 2FA on with recovery codes', async () => {
    const client = await signUpAndIn(server);
    expect((await client.post('/api/v1/me/methods', { type: 'sms', phone: '06 12345678' })).status).toBe(403);
    expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
    const created = await client.post('/api/v1/me/methods', {
      type: 'sms',
      phone: '06 12345678',
      country: 'NL',
    });
    expect(created.status).toBe(201);
    const { id, type, ...rest } = (await created.json()) as { id: string; type: string };
    expect(type).toBe('sms');
    expect(rest).toEqual({});
    const [sms] = await outbox(server);
    expect(sms).toMatchObject({ channel: 'sms', to: '+31612345678' });
    expect(sms?.text).toMatch(/^Your Twostep code is (\d{6})\.\n\n@localhost #\1$/);

    const confirmed = await client.post(`/api/v1/me/methods/${id}/confirm`, {
      code: await lastCodeTo(server, '+31612345678'),
    });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10);
    const me = (await (await client.get('/api/v1/me')).json()) as { twoFactor: object };
    expect(me.twoFactor).toMatchObject({
      enabled: true,
      primary: id,
      methods: [{ id, type: 'sms', label: '+31 6 •••• 5678' }],
    });
  });

  it('signs in with the primary SMS method after "Send code", and lists the others with masked labels', async () => {
    const { client, smsId } = await userWithPhone(server);
    const mail = await addConfirmedMethod(
      server,
      client,
      { type: 'email', address: 'ann.backup@example.org' },
      'ann.backup@example.org',
    );
    const mailText = (await outbox(server)).find((m) => m.subject === 'Confirm your Twostep e-mail code');
    expect(mailText?.text).toContain('ann.backup@example.org');

    const { client: signingIn, challenge } = await pendingSignIn(server);
    expect(challenge).toEqual({
      state: 'second_factor',
      primary: 'sms',
      methods: [
        { id: smsId, type: 'sms', label: '+31 6 •••• 5678' },
        { id: mail.id, type: 'email', label: 'a•••@example.org' },
        { id: 'recovery_code', type: 'recovery_code', label: 'Recovery code' },
      ],
    });
    const before = (await outbox(server)).length;
    expect((await outbox(server)).length).toBe(before); // the password alone sent nothing
    const sent = await signingIn.post('/api/v1/session/second-factor/send', { methodId: smsId });
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({ resendAfterSeconds: 30 });
    const code = await lastCodeTo(server, '+31612345678');
    const done = await signingIn.post('/api/v1/session/second-factor', {
      type: 'sms',
      code,
      methodId: smsId,
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ state: 'signed_in' });
    expect((await signingIn.get('/api/v1/me')).status).toBe(200);
  });

  it('reads a voice code slowly in the user’s language and takes it at sign-in', async () => {
    const client = await signUpAndIn(server);
    await client.post('/api/v1/me/confirm-password', { password });
    const voice = await addConfirmedMethod(
      server,
      client,
      { type: 'voice', phone: '+46 70 123 45 67' },
      '+46701234567',
    );
    const me = (await (await client.get('/api/v1/me')).json()) as { id: string };
    await server.deps.store.users.setLocale(me.id, 'sv');
    const { client: signingIn } = await pendingSignIn(server);
    await signingIn.post('/api/v1/session/second-factor/send', { methodId: voice.id });
    const [call] = await outbox(server);
    expect(call).toMatchObject({ channel: 'voice', to: '+46701234567' });
    expect(call?.text).toMatch(/^Din Twostep-kod är \d, \d, \d, \d, \d, \d\.$/);
    const code = await lastCodeTo(server, '+46701234567');
    const done = await signingIn.post('/api/v1/session/second-factor', {
      type: 'voice',
      code,
      methodId: voice.id,
    });
    expect(done.status).toBe(200);
  });

  it('refuses numbers that are not phone numbers, fixed lines for SMS, and countries outside the allow-list', async () => {
    await server.close();
    server = await testServer({ env: { TWOSTEP_PHONE_COUNTRIES: 'NL,BE' } });
    const client = await signUpAndIn(server);
    await client.post('/api/v1/me/confirm-password', { password });
    for (const [body, code, status] of [
      [{ type: 'sms', phone: '12345' }, 'invalid_phone', 422],
      [{ type: 'sms', phone: '+31 20 123 4567' }, 'invalid_phone', 422],
      [{ type: 'sms', phone: '+46701234567' }, 'country_not_allowed', 422],
      [{ type: 'voice', phone: '+5511912345678' }, 'country_not_allowed', 422],
    ] as const) {
      const answer = await client.post('/api/v1/me/methods', body);
      expect(answer.status, body.phone).toBe(status);
      expect(((await answer.json()) as { code: string }).code).toBe(code);
    }
    // Nothing but the sign-up's own mail, the link that proves the address.
    expect((await outbox(server)).filter((m) => !m.text.includes('/verify-email?token='))).toEqual([]);
    expect(
      (await client.post('/api/v1/me/methods', { type: 'voice', phone: '+31 20 123 4567' })).status,
    ).toBe(201);
  });

  it('sends through Twilio, and a provider failure answers delivery_failed in the user’s language and is audited', async () => {
    const account = { accountSid: `AC${'1'.repeat(32)}`, authToken: 'fake-token' };
    const twilio = await startFakeTwilio(account);
    await server.close();
    server = await testServer({
      env: {
        TWOSTEP_SMS_PROVIDER: 'twilio',
        TWILIO_ACCOUNT_SID: account.accountSid,
        TWILIO_AUTH_TOKEN: account.authToken,
        TWILIO_FROM: '+15005550006',
        TWILIO_BASE_URL: twilio.baseUrl,
      },
    });
    try {
      const client = await signUpAndIn(server);
      await client.post('/api/v1/me/confirm-password', { password });
      twilio.failNext({ status: 500, code: 20500, message: 'Internal Server Error' });
      const failed = await client.post(
        '/api/v1/me/methods',
        { type: 'sms', phone: '+31612345678' },
        { 'accept-language': 'nl' },
      );
      expect(failed.status).toBe(503);
      expect(await failed.json()).toMatchObject({
        code: 'delivery_failed',
        detail: 'We konden de code niet versturen. Probeer een andere methode.',
      });
      const me = (await (await client.get('/api/v1/me')).json()) as { id: string };
      const events = await server.deps.store.audit.listForUser(me.id, 10);
      expect(events.find((e) => e.type === 'code_delivery_failed')).toMatchObject({
        type: 'code_delivery_failed',
        detail: { channel: 'sms', failure: 'unavailable', providerStatus: 500, providerCode: 20500 },
      });

      server.clock.advance(31_000);
      const created = await client.post('/api/v1/me/methods', { type: 'sms', phone: '+31612345678' });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const message = twilio.requests.at(-1)!;
      expect(message).toMatchObject({ resource: 'Messages', authorized: true, status: 201 });
      expect(message.form).toMatchObject({ To: '+31612345678', From: '+15005550006' });
      const code = /(\d{6})/.exec(message.form.Body ?? '')?.[1];
      expect((await client.post(`/api/v1/me/methods/${id}/confirm`, { code })).status).toBe(200);
    } finally {
      await twilio.close();
    }
  });
});
