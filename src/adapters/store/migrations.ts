import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';

/**
 * Versioned migrations, kept in code so the one binary carries its schema. Names sort in order;
 * a migration, once released, is never edited: add the next one.
 */
const migrations: Record<string, Migration> = {
  '0001_accounts_and_sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('email_normalized', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('locale', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('sudo_until', 'text')
        .addColumn('user_agent', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_events_user_at')
        .on('audit_events')
        .columns(['user_id', 'at'])
        .execute();
      await db.schema
        .createTable('password_resets')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createTable('outbox_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('html', 'text')
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .execute();
    },
  },
  '0002_two_factor': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('two_factor_methods')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('secret_sealed', 'text')
        .addColumn('destination', 'text')
        .addColumn('otp_algorithm', 'text')
        .addColumn('otp_digits', 'integer')
        .addColumn('otp_period', 'integer')
        .addColumn('last_used_step', 'bigint')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('last_used_at', 'text')
        .addColumn('pending_expires_at', 'text')
        .execute();
      await db.schema
        .createIndex('two_factor_methods_user')
        .on('two_factor_methods')
        .column('user_id')
        .execute();
      await db.schema
        .createTable('recovery_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();
      await db.schema
        .createTable('two_factor_settings')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('primary_method_id', 'text')
        .execute();
      await db.schema
        .alterTable('sessions')
        .addColumn('factor_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '0003_code_challenges': {
    async up(db: Kysely<unknown>) {
      // Codes sent by e-mail, SMS or voice; a row dies with its method, user or session.
      await db.schema
        .createTable('code_challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('method_id', 'text', (c) =>
          c.notNull().references('two_factor_methods.id').onDelete('cascade'),
        )
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('consumed_at', 'text')
        .addColumn('last_sent_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('code_challenges_method_session')
        .on('code_challenges')
        .columns(['method_id', 'purpose', 'session_id'])
        .execute();
    },
  },
  '0004_remembered_devices': {
    async up(db: Kysely<unknown>) {
      // "Don't ask again on this device": token digests only; a row dies with its user.
      await db.schema
        .createTable('remembered_devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('device_name', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .execute();
      await db.schema
        .createIndex('remembered_devices_user')
        .on('remembered_devices')
        .column('user_id')
        .execute();
    },
  },
  '0005_organizations': {
    async up(db: Kysely<unknown>) {
      // Customer accounts. A user may belong to several, with one role in each.
      await db.schema
        .createTable('organizations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('organization_members')
        .addColumn('organization_id', 'text', (c) =>
          c.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('organization_members_pk', ['organization_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('organization_members_user')
        .on('organization_members')
        .column('user_id')
        .execute();
      // The link's token is stored only as its hash; a row is spent once (accepted_at).
      await db.schema
        .createTable('organization_invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('organization_id', 'text', (c) =>
          c.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('email_normalized', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('invited_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('accepted_at', 'text')
        .execute();
      await db.schema
        .createIndex('organization_invitations_organization')
        .on('organization_invitations')
        .column('organization_id')
        .execute();
    },
  },
  '0006_policies': {
    async up(db: Kysely<unknown>) {
      // One row per scope: 'global' (the operator's) or an organization's id.
      await db.schema
        .createTable('policies')
        .addColumn('scope', 'text', (c) => c.primaryKey())
        .addColumn('required_from', 'text')
        .addColumn('time_zone', 'text')
        .addColumn('allowed_methods', 'text')
        .addColumn('backup_required', 'integer', (c) => c.notNull())
        .addColumn('recovery_codes_count_as_backup', 'integer', (c) => c.notNull())
        .addColumn('max_remember_device_days', 'integer')
        .addColumn('sudo_minutes', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The primary key is the claim: of two processes sending the same reminder, one inserts.
      await db.schema
        .createTable('policy_reminders')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('deadline', 'text', (c) => c.notNull())
        .addColumn('days_before', 'integer', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('policy_reminders_pk', ['user_id', 'deadline', 'days_before'])
        .execute();
    },
  },
  '0007_support_console': {
    async up(db: Kysely<unknown>) {
      // Staff of the operator, not customers: null for everyone else.
      await db.schema.alterTable('users').addColumn('staff_role', 'text').execute();
      // A support reset of a user's 2FA, pending until its waiting period ends (or it is cancelled).
      await db.schema
        .createTable('two_factor_resets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('requested_by', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('effective_at', 'text', (c) => c.notNull())
        .addColumn('cancel_token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .execute();
      // At most one pending reset per user, even when two staff members submit at the same moment.
      await db.schema
        .createIndex('two_factor_resets_one_pending')
        .on('two_factor_resets')
        .column('user_id')
        .unique()
        .where(sql.ref('status'), '=', 'pending')
        .execute();
      await db.schema
        .createIndex('two_factor_resets_status_effective')
        .on('two_factor_resets')
        .columns(['status', 'effective_at'])
        .execute();
    },
  },
  '0008_method_destination_change': {
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
  },
  '0009_audit_and_adoption': {
    async up(db: Kysely<unknown>) {
      // The operators' audit explorer pages through all events newest first, or one type's.
      await db.schema.createIndex('audit_events_at_id').on('audit_events').columns(['at', 'id']).execute();
      await db.schema
        .createIndex('audit_events_type_at')
        .on('audit_events')
        .columns(['type', 'at'])
        .execute();
      // One row per UTC day; the key makes a second snapshot of a day impossible.
      await db.schema
        .createTable('adoption_snapshots')
        .addColumn('day', 'text', (c) => c.primaryKey())
        .addColumn('taken_at', 'text', (c) => c.notNull())
        .addColumn('users', 'integer', (c) => c.notNull())
        .addColumn('with_two_factor', 'integer', (c) => c.notNull())
        .addColumn('by_method', 'text', (c) => c.notNull())
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; safe to run from several processes (Kysely takes a lock). */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  // On PostgreSQL name the schema: Kysely otherwise looks for its bookkeeping tables in every
  // schema, finds another schema's, and never creates its own.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    // Kysely looks for its bookkeeping table by reading every schema's tables through
    // pg_get_serial_sequence('schema.table'), which fails (3F000 no such schema, 42P01 no such
    // table) when another schema is dropped during that read: tests create and drop schemas in
    // parallel. PostgreSQL migrates in a transaction, so nothing half-done is left: read again.
    const code = (error as { code?: unknown } | undefined)?.code;
    if ((code === '3F000' || code === '42P01') && attempt < 20) continue;
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }
}
