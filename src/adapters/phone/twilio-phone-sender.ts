import { PhoneDeliveryError } from '../../core/phone-delivery-error.js';
import type { PhoneSender } from '../../ports/phone-sender.js';
import { postToProvider } from './post-to-provider.js';

export interface TwilioOptions {
  /** `AC` and 32 hex digits. */
  accountSid: string;
  authToken: string;
  /** The sender: a Twilio number in E.164, or a Messaging Service SID (`MG…`) for SMS. */
  from: string;
  /** The caller number for voice calls; defaults to `from` when that is a phone number. */
  voiceFrom?: string;
  /** Any server speaking Twilio's 2010-04-01 API (Twilio itself, a regional edge, a test double). */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/**
 * SMS through Twilio's Messages resource and calls through its Calls resource, with inline TwiML
 * so no public URL has to serve it. Twilio answers 201 with the queued resource, or a JSON error
 * `{code, message, more_info, status}` (twilio.com/docs/usage/twilios-response).
 */
export function twilioPhoneSender(options: TwilioOptions): PhoneSender {
  const { accountSid, authToken, from, baseUrl = 'https://api.twilio.com', timeoutMs = 10_000 } = options;
  const fetch = options.fetch ?? globalThis.fetch;
  const voiceFrom = options.voiceFrom ?? (from.startsWith('MG') ? null : from);
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const account = `${baseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}`;

  const post = (resource: 'Messages' | 'Calls', form: Record<string, string>) =>
    postToProvider(fetch, {
      provider: 'Twilio',
      url: `${account}/${resource}.json`,
      headers: {
        authorization,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(form).toString(),
      timeoutMs,
      errorCode: twilioErrorCode,
    });

  return {
    sendSms: ({ to, text }) =>
      post('Messages', {
        To: to,
        ...(from.startsWith('MG') ? { MessagingServiceSid: from } : { From: from }),
        Body: text,
      }),
    async call({ to, text, language }) {
      // A Messaging Service cannot place calls: without a caller number this channel is off.
      if (!voiceFrom) {
        throw new PhoneDeliveryError('unavailable', 'Twilio: no caller number is configured for calls', {
          retryable: false,
        });
      }
      await post('Calls', { To: to, From: voiceFrom, Twiml: sayTwice(text, language) });
    },
  };
}

/**
 * The sentence twice with a pause between, as a person reads a code out slowly: whoever missed a
 * digit the first time hears it again. `language` picks Twilio's voice for that locale.
 */
export function sayTwice(text: string, language: string): string {
  const say = `<Say language="${escapeXml(language)}">${escapeXml(text)}</Say>`;
  return `<Response>${say}<Pause length="1"/>${say}</Response>`;
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

async function twilioErrorCode(response: Response): Promise<number | undefined> {
  const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
  return typeof body?.code === 'number' ? body.code : undefined;
}
