import type { Clock } from '../../ports/clock.js';
import type { PhoneSender } from '../../ports/phone-sender.js';
import type { Random } from '../../ports/random.js';
import type { OutboxStore } from '../../ports/store.js';
import { outboxPhoneSender } from './outbox-phone-sender.js';
import { twilioPhoneSender } from './twilio-phone-sender.js';
import { webhookPhoneSender } from './webhook-phone-sender.js';

/** Which provider carries SMS and calls, with what it needs. */
export type PhoneProviderConfig =
  | { provider: 'outbox' }
  | {
      provider: 'twilio';
      accountSid: string;
      authToken: string;
      /** E.164 number or Messaging Service SID (`MG…`). */
      from: string;
      /** Caller number for calls when `from` is a Messaging Service. */
      voiceFrom?: string;
      baseUrl?: string;
    }
  | { provider: 'webhook'; url: string; secret: string };

const e164 = /^\+[1-9]\d{1,14}$/;

/** Builds the configured adapter; a malformed setting throws at start, not at the first sign-in. */
export function choosePhoneSender(
  config: PhoneProviderConfig,
  deps: { outbox: OutboxStore; clock: Clock; random: Random; fetch?: typeof globalThis.fetch },
): PhoneSender {
  const { outbox, clock, random, fetch } = deps;
  switch (config.provider) {
    case 'outbox':
      return outboxPhoneSender(outbox, clock, random);
    case 'twilio':
      assertTwilio(config);
      return twilioPhoneSender({ ...config, ...(fetch ? { fetch } : {}) });
    case 'webhook':
      // Signed with the wall clock, not `clock`: the receiver checks the timestamp against its own
      // clock, and a test's hand-moved clock would make every request look like a replay.
      return webhookPhoneSender({ ...config, random, ...(fetch ? { fetch } : {}) });
  }
}

function assertTwilio(config: Extract<PhoneProviderConfig, { provider: 'twilio' }>): void {
  if (!/^AC[0-9a-f]{32}$/i.test(config.accountSid)) {
    throw new TypeError('Twilio account SID must be "AC" followed by 32 hex digits');
  }
  if (!config.authToken) throw new TypeError('Twilio auth token is missing');
  if (!e164.test(config.from) && !/^MG[0-9a-f]{32}$/i.test(config.from)) {
    throw new TypeError('Twilio sender must be an E.164 number (+…) or a Messaging Service SID (MG…)');
  }
  if (config.voiceFrom !== undefined && !e164.test(config.voiceFrom)) {
    throw new TypeError('Twilio caller number for calls must be in E.164 (+…)');
  }
}
