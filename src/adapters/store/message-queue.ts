import type { Kysely } from 'kysely';
import type { Channel } from '../../core/types.js';
import type { Claim, MessageQueueStore, QueuedMessage } from '../../ports/message-queue.js';
import { type Database, iso, toDate, toDateOrNull } from './schema.js';

/**
 * Tells this process's listeners that queued messages were committed. A transaction gets a
 * deferred signal of its own, fired only when it commits: a worker woken earlier would find nothing.
 */
export interface CommitSignal {
  fire(): void;
  listen(listener: () => void): void;
}

export function commitSignal(): CommitSignal {
  const listeners: Array<() => void> = [];
  return {
    fire: () => {
      for (const listener of listeners) listener();
    },
    listen: (listener) => void listeners.push(listener),
  };
}

/** A signal that holds its firing until `flush`, after the transaction it belongs to committed. */
export function deferredSignal(parent: CommitSignal): CommitSignal & { flush(): void } {
  let fired = false;
  return {
    fire: () => {
      fired = true;
    },
    listen: parent.listen,
    flush: () => {
      if (fired) parent.fire();
    },
  };
}

type Row = Database['message_queue'];

const toMessage = (row: Row): QueuedMessage => ({
  id: row.id,
  channel: row.channel as Channel,
  to: row.recipient,
  subject: row.subject,
  text: row.text,
  html: row.html,
  language: row.language,
  createdAt: toDate(row.created_at),
  attempts: Number(row.attempts),
  nextAttemptAt: toDateOrNull(row.next_attempt_at),
  sentAt: toDateOrNull(row.sent_at),
  lastError: row.last_error,
});

/** What is left of a message once nothing will send it again: where it went, not what it said. */
const blankBody = { text: '', html: null, claimed_until: null, claim_token: null } as const;

export function kyselyMessageQueue(db: Kysely<Database>, committed: CommitSignal): MessageQueueStore {
  return {
    async enqueue(message, claim) {
      await db
        .insertInto('message_queue')
        .values({
          id: message.id,
          channel: message.channel,
          recipient: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          language: message.language,
          created_at: iso(message.createdAt),
          attempts: 0,
          next_attempt_at: iso(message.createdAt),
          claimed_until: claim ? iso(claim.until) : null,
          claim_token: claim?.token ?? null,
          sent_at: null,
          last_error: null,
        })
        .execute();
      // A message born claimed is sent by its caller at once: no worker needs waking.
      if (!claim) committed.fire();
    },
    async claimDue(now, hold, limit) {
      const due = await db
        .selectFrom('message_queue')
        .select('id')
        .where('next_attempt_at', '<=', iso(now))
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', iso(now))]))
        .orderBy('next_attempt_at')
        .limit(limit)
        .execute();
      const claims: Claim[] = [];
      for (const { id } of due) {
        // The same condition again, in the UPDATE itself: of two workers, only one changes the row.
        const row = await db
          .updateTable('message_queue')
          .set({ claimed_until: iso(hold.until), claim_token: hold.token })
          .where('id', '=', id)
          .where('next_attempt_at', '<=', iso(now))
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', iso(now))]))
          .returningAll()
          .executeTakeFirst();
        if (row) claims.push({ message: toMessage(row), token: hold.token });
      }
      return claims;
    },
    async markSent(claim, at) {
      const result = await db
        .updateTable('message_queue')
        .set({ ...blankBody, sent_at: iso(at), next_attempt_at: null, attempts: claim.message.attempts + 1 })
        .where('id', '=', claim.message.id)
        .where('claim_token', '=', claim.token)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async recordFailure(claim, failure) {
      const givenUp = failure.nextAttemptAt === null;
      await db
        .updateTable('message_queue')
        .set({
          ...(givenUp ? blankBody : { claimed_until: null, claim_token: null }),
          attempts: claim.message.attempts + 1,
          next_attempt_at: failure.nextAttemptAt ? iso(failure.nextAttemptAt) : null,
          last_error: failure.error,
        })
        .where('id', '=', claim.message.id)
        .where('claim_token', '=', claim.token)
        .execute();
    },
    async purgeFinished(before) {
      const result = await db
        .deleteFrom('message_queue')
        .where('next_attempt_at', 'is', null)
        .where('created_at', '<', iso(before))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    onCommitted: (listener) => committed.listen(listener),
    async list(limit) {
      const rows = await db
        .selectFrom('message_queue')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },
  };
}
