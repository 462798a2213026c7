import type { Channel } from '../core/types.js';

/** A rendered message, in the words its channel needs: a call has a voice, e-mail a subject and HTML. */
export interface OutgoingMessage {
  channel: Channel;
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
  /** BCP 47 voice of a call; null otherwise. */
  language: string | null;
}

/** A message in the queue, with what delivery has made of it so far. */
export interface QueuedMessage extends OutgoingMessage {
  id: string;
  createdAt: Date;
  attempts: number;
  /** When a worker may next try it; null once it is sent or given up. */
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  /** The error's name (and provider code) of the last failed try: never a body, never an address. */
  lastError: string | null;
}

/** One worker's hold on a message: only the holder may mark it sent or schedule it again. */
export interface Claim {
  message: QueuedMessage;
  token: string;
}

/**
 * Messages waiting to be sent. Writes made through a transaction's store land with that
 * transaction; a delivery worker on any node claims due messages atomically, so each is sent once.
 */
export interface MessageQueueStore {
  /**
   * Adds a message due at `createdAt`. With `claim`, it is born held by the caller until
   * `claim.until`, who means to send it at once; no worker takes it before then.
   */
  enqueue(
    message: OutgoingMessage & { id: string; createdAt: Date },
    claim?: { token: string; until: Date },
  ): Promise<void>;
  /**
   * Claims up to `limit` messages that are due at `now` and not held by anyone, each by one
   * conditional UPDATE: of two workers racing for a message, exactly one gets it.
   */
  claimDue(now: Date, hold: { token: string; until: Date }, limit: number): Promise<Claim[]>;
  /** Marks a claimed message sent and blanks its body; false when the claim was lost meanwhile. */
  markSent(claim: Claim, at: Date): Promise<boolean>;
  /** Records a failed try; `nextAttemptAt` null gives the message up. Blanks the body when given up. */
  recordFailure(claim: Claim, failure: { error: string; nextAttemptAt: Date | null }): Promise<void>;
  /** Deletes messages that were sent or given up before `before`; returns how many went. */
  purgeFinished(before: Date): Promise<number>;
  /** Calls `listener` whenever messages were committed to the queue by this process. */
  onCommitted(listener: () => void): void;
  /** Every message, oldest first: for tests and the operator's eyes. */
  list(limit: number): Promise<QueuedMessage[]>;
}
