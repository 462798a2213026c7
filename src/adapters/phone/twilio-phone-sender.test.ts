import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../../../test/support/fake-twilio.js';
import { PhoneDeliveryError } from '../../core/phone-delivery-error.js';
import { type TwilioOptions, twilioPhoneSender } from './twilio-phone-sender.js';

const account = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: 'f00dfeedf00dfeedf00dfeedf00dfeed',
};
const sms = { to: '+46701234567', text: 'Din Twostep-kod är 482 913' };

/** Runs `send`, expecting it to fail, and returns the error. */
async function failure(send: Promise<void>): Promise<PhoneDeliveryError> {
  const error = await send.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhoneDeliveryError);
  const delivery = error as PhoneDeliveryError;
  // Neither the code nor the number ever lands in an error that may be logged.
  for (const leak of ['482', '913', '701234567']) expect(delivery.message).not.toContain(leak);
  return delivery;
}

describe('twilioPhoneSender against a server speaking Twilio’s API', () => {
  let twilio: FakeTwilio;
  const sender = (options: Partial<TwilioOptions> = {}) =>
    twilioPhoneSender({ ...account, from: '+15005550006', baseUrl: twilio.baseUrl, ...options });
  beforeEach(async () => {
    twilio = await startFakeTwilio(account);
  });
  afterEach(() => twilio.close());

  it('creates a Message: account path, Basic auth, form fields To, From and Body', async () => {
    await sender().sendSms(sms);

    expect(twilio.requests).toHaveLength(1);
    const [request] = twilio.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: `/2010-04-01/Accounts/${account.accountSid}/Messages.json`,
      authorized: true,
      contentType: 'application/x-www-form-urlencoded',
      status: 201,
    });
    expect(request!.form).toEqual({ To: '+46701234567', From: '+15005550006', Body: sms.text });
  });

  it('sends through a Messaging Service when `from` is an MG sid', async () => {
    await sender({ from: 'MG0123456789abcdef0123456789abcdef' }).sendSms(sms);
    expect(twilio.requests[0]!.form).toEqual({
      To: '+46701234567',
      MessagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
      Body: sms.text,
    });
  });

  it.each([
    ['en-US', 'Your Twostep code is 4, 8, 2, 9, 1, 3.'],
    ['nl-NL', 'Uw Twostep-code is 4, 8, 2, 9, 1, 3.'],
    ['sv-SE', 'Din Twostep-kod är 4, 8, 2, 9, 1, 3.'],
    ['pt-BR', 'Seu código do Twostep é 4, 8, 2, 9, 1, 3.'],
  ])('places a Call that says the %s sentence twice, with a pause', async (language, text) => {
    await sender().call({ to: '+31612345678', text, language });

    const [request] = twilio.requests;
    expect(request).toMatchObject({
      path: `/2010-04-01/Accounts/${account.accountSid}/Calls.json`,
      status: 201,
    });
    const say = `<Say language="${language}">${text}</Say>`;
    expect(request!.form).toEqual({
      To: '+31612345678',
      From: '+15005550006',
      Twiml: `<Response>${say}<Pause length="1"/>${say}</Response>`,
    });
  });

  it('escapes the sentence as XML, so text cannot add TwiML verbs', async () => {
    await sender().call({ to: '+31612345678', text: 'A & B <Dial>+1900</Dial> "x"', language: 'en-US' });
    const twiml = twilio.requests[0]!.form.Twiml!;
    expect(twiml).not.toContain('<Dial>');
    expect(twiml).toContain('A &amp; B &lt;Dial&gt;+1900&lt;/Dial&gt; &quot;x&quot;');
  });

  it('calls from voiceFrom when SMS goes through a Messaging Service, and not at all without it', async () => {
    const service = 'MG0123456789abcdef0123456789abcdef';
    await sender({ from: service, voiceFrom: '+15005550006' }).call({ ...sms, language: 'sv-SE' });
    expect(twilio.requests[0]!.form.From).toBe('+15005550006');

    const error = await failure(sender({ from: service }).call({ ...sms, language: 'sv-SE' }));
    expect(error).toMatchObject({ code: 'unavailable', retryable: false });
    expect(twilio.requests).toHaveLength(1);
  });

  it('reports an invalid number (400, 21211) as rejected, not worth retrying', async () => {
    const error = await failure(sender().sendSms({ ...sms, to: '0701234567' }));
    expect(twilio.requests[0]!.status).toBe(400);
    expect(error).toMatchObject({
      code: 'rejected',
      retryable: false,
      provider: { status: 400, code: 21211 },
    });
    expect(error.message).toBe('Twilio answered 400 (error 21211)');
  });

  it.each([
    [400, 21408, 'Permission to send an SMS has not been enabled for the region indicated by the To number'],
    [400, 21610, 'Attempt to send to unsubscribed recipient'],
  ])('reports %i with error %i as rejected', async (status, code, message) => {
    twilio.failNext({ status, code, message });
    const error = await failure(sender().sendSms(sms));
    expect(error).toMatchObject({ code: 'rejected', retryable: false, provider: { status, code } });
  });

  it.each([
    [429, 20429, 'Too Many Requests'],
    [500, 20500, 'Internal Server Error'],
    [503, 20503, 'Service Unavailable'],
  ])('reports %i with error %i as unavailable, worth retrying', async (status, code, message) => {
    twilio.failNext({ status, code, message });
    const error = await failure(sender().call({ ...sms, language: 'sv-SE' }));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true, provider: { status, code } });
  });

  it('reports refused credentials (401, 20003) as unavailable until the operator fixes them', async () => {
    const error = await failure(sender({ authToken: 'wrong' }).sendSms(sms));
    expect(twilio.requests[0]).toMatchObject({ authorized: false, status: 401 });
    expect(error).toMatchObject({
      code: 'unavailable',
      retryable: false,
      provider: { status: 401, code: 20003 },
    });
  });

  it('gives up after the timeout when Twilio does not answer', async () => {
    twilio.failNext('stall');
    const error = await failure(sender({ timeoutMs: 150 }).sendSms(sms));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true });
    expect(error.message).toBe('Twilio did not answer within 150 ms');
  });

  it('reports a dropped connection and a closed port as unavailable', async () => {
    twilio.failNext('hang-up');
    expect(await failure(sender().sendSms(sms))).toMatchObject({ code: 'unavailable', retryable: true });

    const gone = twilio.baseUrl;
    await twilio.close();
    const error = await failure(
      twilioPhoneSender({ ...account, from: '+15005550006', baseUrl: gone }).sendSms(sms),
    );
    expect(error).toMatchObject({ code: 'unavailable', retryable: true });
    expect(error.message).toBe('Twilio could not be reached');
    twilio = await startFakeTwilio(account);
  });
});
