import { type Kysely, sql } from 'kysely';
import type { Store } from '../../ports/store.js';
import { kyselyAuditStore } from './audit.js';
import { kyselyCodeChallengeStore } from './code-challenges.js';
import { kyselyOutboxStore } from './outbox.js';
import { kyselyPasswordResetStore } from './password-resets.js';
import type { Database } from './schema.js';
import { kyselySessionStore } from './sessions.js';
import { kyselyTwoFactorStore } from './two-factor.js';
import { kyselyUserStore } from './users.js';

/** The Store port over Kysely; the same code serves SQLite and PostgreSQL. */
export function kyselyStore(db: Kysely<Database>): Store {
  return {
    users: kyselyUserStore(db),
    sessions: kyselySessionStore(db),
    audit: kyselyAuditStore(db),
    passwordResets: kyselyPasswordResetStore(db),
    outbox: kyselyOutboxStore(db),
    twoFactor: kyselyTwoFactorStore(db),
    codeChallenges: kyselyCodeChallengeStore(db),
    transaction: (work) =>
      db.isTransaction ? work(kyselyStore(db)) : db.transaction().execute((trx) => work(kyselyStore(trx))),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
