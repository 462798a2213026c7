import { createHmac } from 'node:crypto';
import { newId } from '../../core/sessions/session-token.js';
import type { Clock } from '../../ports/clock.js';
import type { PhoneSender } from '../../ports/phone-sender.js';
import type { Random } from '../../ports/random.js';
import { systemClock } from '../clock/system-clock.js';
import { cryptoRandom } from '../crypto/crypto-random.js';
import { postToProvider } from './post-to-provider.js';

export interface WebhookOptions {
  /** HTTPS, or plain HTTP to this machine only: the body carries the code. */
  url: string;
  /** Shared with the receiver; at least 32 characters. */
  secret: string;
  fetch?: typeof globalThis.fetch;
  clock?: Clock;
  random?: Random;
  timeoutMs?: number;
}

export const signatureHeader = 'Twostep-Signature';

/**
 * Hands each SMS or call to the operator's own HTTPS endpoint, which talks to whatever provider
 * they use. The request is a POST with `Content-Type: application/json` and the body
 *
 *     {"channel":"sms"|"voice","to":"+46701234567","text":"…","language":"sv-SE","id":"…","sentAt":"…"}
 *
 * (`language` only for voice; `id` is unique per message, for de-duplication), signed the way
 * Stripe signs its webhooks:
 *
 *     Twostep-Signature: t=1795424400,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>
 *
 * The receiver recomputes the HMAC over the raw body bytes, compares it in constant time, refuses a
 * `t` more than 5 minutes from its own clock (against replay), and remembers `id`s it has seen.
 * Any 2xx is success; 4xx a refusal; 408, 429, 5xx and no answer are worth a later retry.
 */
export function webhookPhoneSender(options: WebhookOptions): PhoneSender {
  const { url, secret, clock = systemClock, random = cryptoRandom, timeoutMs = 10_000 } = options;
  const fetch = options.fetch ?? globalThis.fetch;
  assertSafeUrl(url);
  if (secret.length < 32) throw new TypeError('The webhook secret must be at least 32 characters');

  async function send(message: { channel: 'sms' | 'voice'; to: string; text: string; language?: string }) {
    const now = clock.now();
    const body = JSON.stringify({ ...message, id: newId(random), sentAt: now.toISOString() });
    const timestamp = Math.floor(now.getTime() / 1000);
    await postToProvider(fetch, {
      provider: 'The SMS webhook',
      url,
      headers: {
        'content-type': 'application/json',
        [signatureHeader]: webhookSignature(secret, timestamp, body),
      },
      body,
      timeoutMs,
    });
  }

  return {
    sendSms: ({ to, text }) => send({ channel: 'sms', to, text }),
    call: ({ to, text, language }) => send({ channel: 'voice', to, text, language }),
  };
}

/** The `Twostep-Signature` value for a body sent at `timestamp` (Unix seconds). */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

function assertSafeUrl(value: string): void {
  const url = new URL(value);
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError('The SMS webhook URL must use https:// (plain http:// only to localhost)');
  }
}
