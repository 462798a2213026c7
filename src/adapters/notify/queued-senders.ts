import { newId } from '../../core/sessions/session-token.js';
import type { Clock } from '../../ports/clock.js';
import type { Mailer } from '../../ports/mailer.js';
import type { MessageQueueStore, OutgoingMessage } from '../../ports/message-queue.js';
import type { PhoneSender } from '../../ports/phone-sender.js';
import type { Random } from '../../ports/random.js';
import type { SecretBox } from '../../ports/secret-box.js';
import type { Store } from '../../ports/store.js';
import { claimMs, type DeliveryWorker } from './delivery-worker.js';
import { sealBody } from './sealed-body.js';

/** What queuing needs: ids, the time, and the box that seals bodies (they may hold a code or a link). */
export interface QueueTools {
  clock: Clock;
  random: Random;
  box: SecretBox;
}

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
export function queuingSenders(queue: MessageQueueStore, tools: QueueTools): Senders {
  return senders((message) => {
    const id = newId(tools.random);
    return queue.enqueue({ ...sealBody(message, id, tools.box), id, createdAt: tools.clock.now() });
  });
}

/**
 * Senders for one-time codes: the message is queued already held by this request and sent at once,
 * and a failure is thrown to the caller, who tells the user to try another method. It is then
 * given up, never sent later: a code that arrives after "we could not send it" only confuses.
 */
export function immediateSenders(
  queue: MessageQueueStore,
  worker: Pick<DeliveryWorker, 'sendNow'>,
  tools: QueueTools,
): Senders {
  return senders(async (outgoing) => {
    const now = tools.clock.now();
    const id = newId(tools.random);
    const message = { ...sealBody(outgoing, id, tools.box), id, createdAt: now };
    const hold = { token: newId(tools.random), until: new Date(now.getTime() + claimMs) };
    await queue.enqueue(message, hold);
    const queued = { ...message, attempts: 0, nextAttemptAt: now, sentAt: null, lastError: null };
    await worker.sendNow({ message: queued, token: hold.token });
  });
}

/** What the i18n notifier needs to queue everything: outside a transaction, inside one, and codes. */
export function queuedNotifierSenders(
  store: Store,
  worker: Pick<DeliveryWorker, 'sendNow'>,
  tools: QueueTools,
): Senders & { codes: Senders; within: (tx: Store) => Senders } {
  return {
    ...queuingSenders(store.messages, tools),
    within: (tx) => queuingSenders(tx.messages, tools),
    codes: immediateSenders(store.messages, worker, tools),
  };
}
