import { newId } from '../../core/sessions/session-token.js';
import type { Clock } from '../../ports/clock.js';
import type { Mailer } from '../../ports/mailer.js';
import type { MessageQueueStore, OutgoingMessage } from '../../ports/message-queue.js';
import type { PhoneSender } from '../../ports/phone-sender.js';
import type { Random } from '../../ports/random.js';
import type { Store } from '../../ports/store.js';
import { claimMs, type DeliveryWorker } from './delivery-worker.js';

export interface Senders {
  mailer: Mailer;
  phone: PhoneSender;
}

/** Senders over one writer of outgoing messages, so the notifier needs no idea where they go. */
function senders(write: (message: OutgoingMessage) => Promise<void>): Senders {
  return {
    mailer: { send: (mail) => write({ channel: 'email', ...mail, language: null }) },
    phone: {
      sendSms: ({ to, text }) =>
        write({ channel: 'sms', to, text, subject: null, html: null, language: null }),
      call: ({ to, text, language }) =>
        write({ channel: 'voice', to, text, subject: null, html: null, language }),
    },
  };
}

/**
 * Senders that only queue: the message is written through `queue` (a transaction's, when the
 * change that causes it is being made) and the delivery worker sends it after the commit. The
 * request that caused it waits for no mail server.
 */
export function queuingSenders(queue: MessageQueueStore, ids: { clock: Clock; random: Random }): Senders {
  return senders((message) =>
    queue.enqueue({ ...message, id: newId(ids.random), createdAt: ids.clock.now() }),
  );
}

/**
 * Senders for one-time codes: the message is queued already held by this request and sent at once,
 * and a failure is thrown to the caller, who tells the user to try another method. It is then
 * given up, never sent later: a code that arrives after "we could not send it" only confuses.
 */
export function immediateSenders(
  queue: MessageQueueStore,
  worker: Pick<DeliveryWorker, 'sendNow'>,
  ids: { clock: Clock; random: Random },
): Senders {
  return senders(async (outgoing) => {
    const now = ids.clock.now();
    const message = { ...outgoing, id: newId(ids.random), createdAt: now };
    const hold = { token: newId(ids.random), until: new Date(now.getTime() + claimMs) };
    await queue.enqueue(message, hold);
    const queued = { ...message, attempts: 0, nextAttemptAt: now, sentAt: null, lastError: null };
    await worker.sendNow({ message: queued, token: hold.token });
  });
}

/** What the i18n notifier needs to queue everything: outside a transaction, inside one, and codes. */
export function queuedNotifierSenders(
  store: Store,
  worker: Pick<DeliveryWorker, 'sendNow'>,
  ids: { clock: Clock; random: Random },
): Senders & { codes: Senders; within: (tx: Store) => Senders } {
  return {
    ...queuingSenders(store.messages, ids),
    within: (tx) => queuingSenders(tx.messages, ids),
    codes: immediateSenders(store.messages, worker, ids),
  };
}
