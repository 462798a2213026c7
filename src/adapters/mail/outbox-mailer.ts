import { newId } from '../../core/sessions/session-token.js';
import type { Clock } from '../../ports/clock.js';
import type { Mailer } from '../../ports/mailer.js';
import type { Random } from '../../ports/random.js';
import type { OutboxStore } from '../../ports/store.js';

/** The development transport: every message lands in the outbox table, readable at /dev/outbox. */
export function outboxMailer(outbox: OutboxStore, clock: Clock, random: Random): Mailer {
  return {
    send: (mail) =>
      outbox.add({
        id: newId(random),
        channel: 'email',
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        sentAt: clock.now(),
      }),
  };
}
