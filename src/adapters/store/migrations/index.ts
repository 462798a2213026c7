import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import { accountsAndSessions } from './0001-accounts-and-sessions.js';
import { twoFactor } from './0002-two-factor.js';
import { codeChallenges } from './0003-code-challenges.js';
import { rememberedDevices } from './0004-remembered-devices.js';
import { organizations } from './0005-organizations.js';
import { policies } from './0006-policies.js';
import { supportConsole } from './0007-support-console.js';
import { methodDestinationChange } from './0008-method-destination-change.js';
import { auditAndAdoption } from './0009-audit-and-adoption.js';
import { secondFactorLockouts } from './0010-second-factor-lockouts.js';
import { messageQueue } from './0011-message-queue.js';
import { emailVerification } from './0013-email-verification.js';
import { webauthnCredentials } from './0014-webauthn-credentials.js';

/**
 * Versioned migrations, kept in code so the one binary carries its schema. Names sort in order;
 * a migration, once released, is never edited: add the next one, in a file of its own. The keys
 * are what Kysely records in each database: never rename one, or that database stops migrating.
 */
const migrations: Record<string, Migration> = {
  '0001_accounts_and_sessions': accountsAndSessions,
  '0002_two_factor': twoFactor,
  '0003_code_challenges': codeChallenges,
  '0004_remembered_devices': rememberedDevices,
  '0005_organizations': organizations,
  '0006_policies': policies,
  '0007_support_console': supportConsole,
  '0008_method_destination_change': methodDestinationChange,
  '0009_audit_and_adoption': auditAndAdoption,
  '0010_second_factor_lockouts': secondFactorLockouts,
  '0011_message_queue': messageQueue,
  '0014_webauthn_credentials': webauthnCredentials,
  '0013_email_verification': emailVerification,
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
