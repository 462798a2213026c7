import { newId } from '../../core/sessions/session-token.js';
import type { Channel } from '../../core/types.js';
import type { Clock } from '../../ports/clock.js';
import type { PhoneSender } from '../../ports/phone-sender.js';
import type { Random } from '../../ports/random.js';
import type { OutboxStore } from '../../ports/store.js';

/**
 * The development transport for phones: texts and calls land in the outbox table, readable at
 * /dev/outbox. A call is stored as the sentence it would read aloud, once.
 */
export function outboxPhoneSender(outbox: OutboxStore, clock: Clock, random: Random): PhoneSender {
  const add = (channel: Channel, to: string, text: string) =>
    outbox.add({ id: newId(random), channel, to, subject: null, text, html: null, sentAt: clock.now() });
  return {
    sendSms: ({ to, text }) => add('sms', to, text),
    call: ({ to, text }) => add('voice', to, text),
  };
}
