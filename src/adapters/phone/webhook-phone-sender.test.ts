import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../test/support/manual-clock.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.js';
import { PhoneDeliveryError } from '../../core/phone-delivery-error.js';
import { type WebhookOptions, webhookPhoneSender, webhookSignature } from './webhook-phone-sender.js';

const secret = 'whsec_test_0123456789abcdef0123456789abcdef';
const sms = { to: '+46701234567', text: 'Din kod är 482 913' };

async function failure(send: Promise<void>): Promise<PhoneDeliveryError> {
  const error = await send.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhoneDeliveryError);
  for (const leak of ['482', '913', '701234567']) expect((error as Error).message).not.toContain(leak);
  return error as PhoneDeliveryError;
}

it('signs t + "." + body with HMAC-SHA256 (vector for receivers, from `openssl dgst -hmac`)', () => {
  const body = '{"channel":"sms","to":"+46701234567","text":"Din kod är 482 913"}';
  expect(webhookSignature(secret, 1795424400, body)).toBe(
    't=1795424400,v1=8d897035d5887398e1d79bc60aafec5eacf71900f2ace8626f56c638b5512178',
  );
});

it('refuses a plain-http URL off this machine and a short secret', () => {
  expect(() => webhookPhoneSender({ url: 'http://sms.example.com/hook', secret })).toThrow(/https/);
  expect(() => webhookPhoneSender({ url: 'https://sms.example.com/hook', secret: 'short' })).toThrow(/32/);
});

describe('webhookPhoneSender against a receiver that checks signatures', () => {
  let receiver: WebhookReceiver;
  const sender = (options: Partial<WebhookOptions> = {}) =>
    webhookPhoneSender({ url: receiver.url, secret, ...options });
  beforeEach(async () => {
    receiver = await startWebhookReceiver(secret);
  });
  afterEach(() => receiver.close());

  it('posts a signed JSON SMS that the receiver accepts', async () => {
    await sender().sendSms(sms);

    const [request] = receiver.requests;
    expect(request).toMatchObject({ verdict: 'valid', status: 202 });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['twostep-signature']).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    const body = JSON.parse(request!.body);
    expect(body).toEqual({ channel: 'sms', ...sms, id: expect.any(String), sentAt: expect.any(String) });
    expect(Math.abs(Date.parse(body.sentAt) - Date.now())).toBeLessThan(5_000);
  });

  it('posts a voice call with its language, and a fresh id per message', async () => {
    const voice = { to: '+5511912345678', text: 'Seu código é 4, 8, 2, 9, 1, 3.', language: 'pt-BR' };
    await sender().call(voice);
    await sender().call(voice);

    const bodies = receiver.requests.map((r) => JSON.parse(r.body));
    expect(receiver.requests.map((r) => r.verdict)).toEqual(['valid', 'valid']);
    expect(bodies[0]).toMatchObject({ channel: 'voice', ...voice });
    expect(bodies[0].id).not.toBe(bodies[1].id);
  });

  it('is refused by the receiver when the body is tampered with in transit', async () => {
    await sender().sendSms(sms);
    const genuine = receiver.requests[0]!;
    const forged = genuine.body.replace('+46701234567', '+46709999999');
    const answer = await fetch(receiver.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'twostep-signature': String(genuine.headers['twostep-signature']),
      },
      body: forged,
    });
    expect(answer.status).toBe(401);
    expect(receiver.requests[1]!.verdict).toBe('bad signature');
  });

  it('is refused when signed with another secret or too long ago', async () => {
    const wrong = await failure(sender({ secret: 'x'.repeat(40) }).sendSms(sms));
    const late = await failure(
      sender({ clock: manualClock(new Date(Date.now() - 6 * 60_000)) }).sendSms(sms),
    );

    expect(receiver.requests.map((r) => r.verdict)).toEqual(['bad signature', 'stale timestamp']);
    // 401 is our configuration, not the user's number: no retry and no user can fix it.
    for (const error of [wrong, late]) {
      expect(error).toMatchObject({ code: 'unavailable', retryable: false, provider: { status: 401 } });
    }
  });

  it.each([
    [400, 'rejected', false],
    [422, 'rejected', false],
    [429, 'unavailable', true],
    [500, 'unavailable', true],
    [503, 'unavailable', true],
  ] as const)('maps the receiver answering %i to %s', async (status, code, retryable) => {
    receiver.answerNext(status);
    const error = await failure(sender().sendSms(sms));
    expect(error).toMatchObject({ code, retryable, provider: { status } });
    expect(error.message).toBe(`The SMS webhook answered ${status}`);
  });

  it('reports an unreachable receiver as unavailable', async () => {
    const gone = receiver.url;
    await receiver.close();
    const error = await failure(webhookPhoneSender({ url: gone, secret }).sendSms(sms));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true });
    receiver = await startWebhookReceiver(secret);
  });
});
