import { type Kysely, type Migration, sql } from 'kysely';

export const methodDestinationChange: Migration = {
  async up(db: Kysely<unknown>) {
    // The address or number a code was sent to: for a change of destination, the new one, which
    // the method takes only when that code comes back.
    await db.schema.alterTable('code_challenges').addColumn('destination', 'text').execute();
    // One live challenge per method, purpose and session, so the resend cool-down can be one
    // conditional upsert. Older duplicates (from the read-then-write race) go first.
    await sql`delete from code_challenges where id not in (
      select id from (
        select id, row_number() over (
          partition by method_id, purpose, session_id order by last_sent_at desc, id desc
        ) as rank from code_challenges
      ) ranked where rank = 1
    )`.execute(db);
    await db.schema
      .createIndex('code_challenges_one_per_session')
      .on('code_challenges')
      .columns(['method_id', 'purpose', 'session_id'])
      .unique()
      .execute();
  },
};
