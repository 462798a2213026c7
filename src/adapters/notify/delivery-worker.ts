import { PhoneDeliveryError } from '../../core/phone-delivery-error.js';
import { newId } from '../../core/sessions/session-token.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { Mailer } from '../../ports/mailer.js';
import type { Claim, MessageQueueStore, OutgoingMessage } from '../../ports/message-queue.js';
import type { PhoneSender } from '../../ports/phone-sender.js';
import type { Random } from '../../ports/random.js';
import type { SecretBox } from '../../ports/secret-box.js';
import { openBody } from './sealed-body.js';

/** How long a worker holds a claimed message: longer than any transport takes to give up. */
export const claimMs = 5 * 60_000;
const firstRetryMs = 30_000;
const longestWaitMs = 60 * 60_000;
/** 30 s, 1, 2, 4 … minutes, then hourly: about 13 hours in all before a message is given up. */
export const maxAttempts = 20;
const batchSize = 20;

/** The wait after the `attempts`-th failed try: doubling from 30 seconds, never above an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(firstRetryMs * 2 ** Math.max(0, attempts - 1), longestWaitMs);
}

export interface DeliveryWorker {
  /**
   * Sends every due message, now, in the background; a call while a pass runs makes it look again
   * once done. Resolves when no pass is left running: tests await it to drain the queue.
   */
  kick(): Promise<void>;
  /**
   * Sends a message the caller holds, at once, and gives it up if that fails, throwing the
   * transport's error: the caller has told the user it did not go out, so it must never arrive later.
   */
  sendNow(claim: Claim): Promise<void>;
  /** Resolves once no pass is running: before the database closes. */
  idle(): Promise<void>;
  /** Forgets messages sent or given up before `before`. */
  purge(before: Date): Promise<number>;
}

export interface DeliveryDeps {
  queue: MessageQueueStore;
  mailer: Mailer;
  phone: PhoneSender;
  clock: Clock;
  random: Random;
  /** Opens the sealed bodies. */
  box: SecretBox;
  logger: Pick<Logger, 'warn' | 'error'>;
}

/**
 * Sends queued messages through the mail and phone transports: each claimed by one worker at a
 * time, marked sent once, a failure tried again with exponential back-off until `maxAttempts`.
 */
export function deliveryWorker(deps: DeliveryDeps): DeliveryWorker {
  const { queue, clock, random, logger } = deps;
  let running: Promise<void> | null = null;
  let again = false;

  async function deliver(claim: Claim, { retry }: { retry: boolean }): Promise<void> {
    try {
      await transmit(deps, claim.message);
    } catch (error) {
      const attempts = claim.message.attempts + 1;
      const giveUp = !retry || attempts >= maxAttempts || !retryable(error);
      const nextAttemptAt = giveUp ? null : new Date(clock.now().getTime() + retryDelayMs(attempts));
      await queue.recordFailure(claim, { error: describe(error), nextAttemptAt });
      logger.warn(
        { messageId: claim.message.id, channel: claim.message.channel, attempts, error: describe(error) },
        giveUp ? 'message given up' : 'message not sent; it will be tried again',
      );
      throw error;
    }
    await queue.markSent(claim, clock.now());
  }

  async function deliverDue(): Promise<void> {
    for (;;) {
      const now = clock.now();
      const hold = { token: newId(random), until: new Date(now.getTime() + claimMs) };
      const claims = await queue.claimDue(now, hold, batchSize);
      // Until a round claims nothing: another worker may have taken part of a batch, and what
      // it left behind must not wait for the next interval.
      if (claims.length === 0) return;
      for (const claim of claims) await deliver(claim, { retry: true }).catch(() => {});
    }
  }

  return {
    kick() {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          await deliverDue().catch((error: Error) =>
            logger.error({ err: { name: error.name, message: error.message } }, 'message delivery failed'),
          );
        } while (again);
      })().finally(() => {
        running = null;
      });
      return running;
    },
    idle: async () => {
      await running;
    },
    sendNow: (claim) => deliver(claim, { retry: false }),
    purge: (before) => queue.purgeFinished(before),
  };
}

function transmit(
  { mailer, phone, box }: DeliveryDeps,
  sealed: OutgoingMessage & { id: string },
): Promise<void> {
  const message = openBody(sealed, box);
  const { to, text } = message;
  if (message.channel === 'sms') return phone.sendSms({ to, text });
  if (message.channel === 'voice') return phone.call({ to, text, language: message.language ?? 'en-US' });
  return mailer.send({ to, subject: message.subject ?? '', text, html: message.html ?? '' });
}

/** A provider that refused the message outright will refuse it again: only other failures retry. */
function retryable(error: unknown): boolean {
  if (error instanceof PhoneDeliveryError) return error.retryable;
  // Sealed under a key no longer configured: no later try will open it.
  if (error instanceof Error && error.name === 'SecretBoxError') return false;
  const smtpStatus = (error as { responseCode?: unknown }).responseCode;
  return !(typeof smtpStatus === 'number' && smtpStatus >= 500 && smtpStatus < 600);
}

/** What is kept of a failure: its kind and the provider's code, never its text (it may quote the message). */
function describe(error: unknown): string {
  if (error instanceof PhoneDeliveryError) {
    return `PhoneDeliveryError ${error.code}${error.provider.status ? ` ${error.provider.status}` : ''}`;
  }
  const { name, code, responseCode } = (error ?? {}) as {
    name?: unknown;
    code?: unknown;
    responseCode?: unknown;
  };
  return [name, code, responseCode]
    .filter((part) => typeof part === 'string' || typeof part === 'number')
    .join(' ')
    .slice(0, 200);
}
