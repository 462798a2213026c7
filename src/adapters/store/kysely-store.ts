import { type Kysely, sql } from 'kysely';
import type { Store } from '../../ports/store.js';
import { kyselyAdoptionStore } from './adoption.js';
import { kyselyAuditStore } from './audit.js';
import { kyselyAuditExplorerStore } from './audit-explorer.js';
import { kyselyCodeChallengeStore } from './code-challenges.js';
import { kyselyEmailVerificationStore } from './email-verifications.js';
import { kyselyExpiredRowStore } from './expired-rows.js';
import { type CommitSignal, commitSignal, deferredSignal, kyselyMessageQueue } from './message-queue.js';
import { kyselyMethodStore } from './methods.js';
import { kyselyOrganizationStore } from './organizations.js';
import { kyselyOutboxStore } from './outbox.js';
import { kyselyPasswordResetStore } from './password-resets.js';
import { kyselyPolicyStore } from './policies.js';
import { kyselyRecoveryCodeStore } from './recovery-codes.js';
import { kyselyRememberedDeviceStore } from './remembered-devices.js';
import type { Database } from './schema.js';
import { kyselySecondFactorLockoutStore } from './second-factor-lockouts.js';
import { kyselySessionStore } from './sessions.js';
import { kyselyTwoFactorResetStore } from './two-factor-resets.js';
import { kyselyUserStore } from './users.js';
import { kyselyWebauthnCredentialStore } from './webauthn-credentials.js';

/**
 * The Store port over Kysely; the same code serves SQLite and PostgreSQL. `queued` tells the
 * delivery worker about committed messages: a transaction's store holds it back until the commit.
 */
export function kyselyStore(db: Kysely<Database>, queued: CommitSignal = commitSignal()): Store {
  return {
    users: kyselyUserStore(db),
    sessions: kyselySessionStore(db),
    audit: kyselyAuditStore(db),
    passwordResets: kyselyPasswordResetStore(db),
    emailVerifications: kyselyEmailVerificationStore(db),
    outbox: kyselyOutboxStore(db),
    messages: kyselyMessageQueue(db, queued),
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
    secondFactorLockouts: kyselySecondFactorLockoutStore(db),
    webauthnCredentials: kyselyWebauthnCredentialStore(db),
    transaction: async (work) => {
      if (db.isTransaction) return work(kyselyStore(db, queued));
      const held = deferredSignal(queued);
      const result = await db.transaction().execute((trx) => work(kyselyStore(trx, held)));
      held.flush();
      return result;
    },
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
