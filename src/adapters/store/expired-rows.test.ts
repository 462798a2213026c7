import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { ExpiredRowStore } from '../../ports/expired-row-store.js';
import { kyselyExpiredRowStore } from './expired-rows.js';
import type { Database } from './schema.js';

const kinds = await storeKinds();
const day = 24 * 3600 * 1000;
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * day).toISOString();
const cutoff = new Date(at(10));

/** Two of each kind of row: one whose end lies before day 10, one after. */
async function seed(db: Kysely<Database>) {
  await db
    .insertInto('users')
    .values({
      id: 'u1',
      email: 'u1@example.com',
      email_normalized: 'u1@example.com',
      password_hash: 'x',
      locale: null,
      created_at: at(0),
      disabled_at: null,
      staff_role: null,
    })
    .execute();
  const session = {
    user_id: 'u1',
    state: 'signed_in',
    created_at: at(0),
    user_agent: 'ua',
    ip: '203.0.113.1',
  };
  await db
    .insertInto('sessions')
    .values({
      ...session,
      id: 's1',
      token_hash: 'h1',
      last_seen_at: at(9),
      expires_at: at(30),
      sudo_until: null,
    })
    .execute();
  const method = { user_id: 'u1', type: 'sms', label: 'Phone', created_at: at(0), last_used_at: null };
  const secretless = {
    secret_sealed: null,
    destination: '+31612345678',
    otp_algorithm: null,
    otp_digits: null,
  };
  await db
    .insertInto('two_factor_methods')
    .values(
      [
        { ...method, ...secretless, id: 'm-old', status: 'pending', pending_expires_at: at(9) },
        { ...method, ...secretless, id: 'm-new', status: 'pending', pending_expires_at: at(11) },
        // Confirmed long ago: never a pending set-up, whatever its old deadline said.
        { ...method, ...secretless, id: 'm-active', status: 'active', pending_expires_at: null },
      ].map((m) => ({ ...m, otp_period: null, last_used_step: null, confirmed_at: null })),
    )
    .execute();
  const challenge = {
    user_id: 'u1',
    method_id: 'm-active',
    purpose: 'sign_in',
    session_id: 's1',
    attempts: 0,
  };
  await db
    .insertInto('code_challenges')
    .values(
      [
        {
          ...challenge,
          id: 'c-old',
          code_hash: 'a',
          created_at: at(8),
          last_sent_at: at(8),
          expires_at: at(9),
        },
        {
          ...challenge,
          method_id: 'm-new',
          id: 'c-new',
          code_hash: 'b',
          created_at: at(10),
          last_sent_at: at(10),
          expires_at: at(11),
        },
      ].map((c) => ({ ...c, consumed_at: null, destination: null })),
    )
    .execute();
  await db
    .insertInto('password_resets')
    .values([
      { token_hash: 'r-expired', user_id: 'u1', created_at: at(8), expires_at: at(9), used_at: null },
      { token_hash: 'r-used', user_id: 'u1', created_at: at(8), expires_at: at(12), used_at: at(9) },
      { token_hash: 'r-open', user_id: 'u1', created_at: at(9), expires_at: at(11), used_at: null },
    ])
    .execute();
  await db
    .insertInto('organizations')
    .values({ id: 'o1', name: 'Acme', created_at: at(0) })
    .execute();
  const invitation = { organization_id: 'o1', email: 'x@example.com', email_normalized: 'x@example.com' };
  await db
    .insertInto('organization_invitations')
    .values(
      [
        { id: 'i-expired', token_hash: 'i1', expires_at: at(9), accepted_at: null },
        { id: 'i-accepted', token_hash: 'i2', expires_at: at(9), accepted_at: at(2) },
        { id: 'i-open', token_hash: 'i3', expires_at: at(11), accepted_at: null },
      ].map((i) => ({ ...invitation, ...i, role: 'member', invited_by: 'u1', created_at: at(1) })),
    )
    .execute();
  await db
    .insertInto('rate_limits')
    .values([
      { key: 'old', window_start: at(9), count: 3 },
      { key: 'new', window_start: at(10), count: 3 },
    ])
    .execute();
}

const ids = async (
  db: Kysely<Database>,
  table: 'code_challenges' | 'two_factor_methods' | 'organization_invitations',
) => (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);

describe.each(kinds)('expired rows on %s', (kind) => {
  let database: TestDatabase;
  let store: ExpiredRowStore;
  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyExpiredRowStore(database.db);
    await seed(database.db);
  });
  afterEach(() => database.drop());

  it('deletes sent codes that expired before the cut-off, and no other', async () => {
    expect(await store.deleteCodeChallenges(cutoff)).toBe(1);
    expect(await ids(database.db, 'code_challenges')).toEqual(['c-new']);
  });

  it('deletes set-ups never confirmed in time, never a confirmed method', async () => {
    expect(await store.deletePendingSetups(cutoff)).toBe(1);
    expect(await ids(database.db, 'two_factor_methods')).toEqual(['m-active', 'm-new']);
  });

  it('deletes reset links that expired or were used, and keeps one still open', async () => {
    expect(await store.deletePasswordResets(cutoff)).toBe(2);
    const left = await database.db.selectFrom('password_resets').select('token_hash').execute();
    expect(left.map((r) => r.token_hash)).toEqual(['r-open']);
  });

  it('deletes invitations that expired unanswered, and keeps accepted and open ones', async () => {
    expect(await store.deleteInvitations(cutoff)).toBe(1);
    expect(await ids(database.db, 'organization_invitations')).toEqual(['i-accepted', 'i-open']);
  });

  it('deletes rate-limit counters whose window began before the cut-off', async () => {
    expect(await store.deleteRateLimits(cutoff)).toBe(1);
    const left = await database.db.selectFrom('rate_limits').select('key').execute();
    expect(left.map((r) => r.key)).toEqual(['new']);
  });

  it('deletes nothing twice', async () => {
    await store.deleteCodeChallenges(cutoff);
    expect(await store.deleteCodeChallenges(cutoff)).toBe(0);
  });
});
