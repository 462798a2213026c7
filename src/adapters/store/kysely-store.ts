import { type Kysely, sql } from 'kysely';
import type { Store } from '../../ports/store.js';
import { kyselyAdoptionStore } from './adoption.js';
import { kyselyAuditStore } from './audit.js';
import { kyselyAuditExplorerStore } from './audit-explorer.js';
import { kyselyCodeChallengeStore } from './code-challenges.js';
import { kyselyEmailVerificationStore } from './email-verifications.js';
import { kyselyExpiredRowStore } from './expired-rows.js';
import { kyselyMethodStore } from './methods.js';
import { kyselyOrganizationStore } from './organizations.js';
import { kyselyOutboxStore } from './outbox.js';
import { kyselyPasswordResetStore } from './password-resets.js';
import { kyselyPolicyStore } from './policies.js';
import { kyselyRecoveryCodeStore } from './recovery-codes.js';
import { kyselyRememberedDeviceStore } from './remembered-devices.js';
import type { Database } from './schema.js';
import { kyselySessionStore } from './sessions.js';
import { kyselyTwoFactorResetStore } from './two-factor-resets.js';
import { kyselyUserStore } from './users.js';

/** The Store port over Kysely; the same code serves SQLite and PostgreSQL. */
export function kyselyStore(db: Kysely<Database>): Store {
  return {
    users: kyselyUserStore(db),
    sessions: kyselySessionStore(db),
    audit: kyselyAuditStore(db),
    passwordResets: kyselyPasswordResetStore(db),
    emailVerifications: kyselyEmailVerificationStore(db),
    outbox: kyselyOutboxStore(db),
    methods: kyselyMethodStore(db),
    recoveryCodes: kyselyRecoveryCodeStore(db),
    codeChallenges: kyselyCodeChallengeStore(db),
    rememberedDevices: kyselyRememberedDeviceStore(db),
    organizations: kyselyOrganizationStore(db),
    policies: kyselyPolicyStore(db),
    twoFactorResets: kyselyTwoFactorResetStore(db),
    auditExplorer: kyselyAuditExplorerStore(db),
    adoption: kyselyAdoptionStore(db),
    expiredRows: kyselyExpiredRowStore(db),
    transaction: (work) =>
      db.isTransaction ? work(kyselyStore(db)) : db.transaction().execute((trx) => work(kyselyStore(trx))),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
