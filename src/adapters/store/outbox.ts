import type { Kysely } from 'kysely';
import type { Channel } from '../../core/types.js';
import type { OutboxStore } from '../../ports/store.js';
import { type Database, iso, toDate } from './schema.js';

export function kyselyOutboxStore(db: Kysely<Database>): OutboxStore {
  return {
    async add(message) {
      await db
        .insertInto('outbox_messages')
        .values({
          id: message.id,
          channel: message.channel,
          recipient: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          sent_at: iso(message.sentAt),
        })
        .execute();
    },
    async list(limit) {
      const rows = await db
        .selectFrom('outbox_messages')
        .selectAll()
        .orderBy('sent_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        channel: row.channel as Channel,
        to: row.recipient,
        subject: row.subject,
        text: row.text,
        html: row.html,
        sentAt: toDate(row.sent_at),
      }));
    },
  };
}
