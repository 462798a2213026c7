import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { TwoFactorReset } from '../../core/two-factor/two-factor-reset.js';
import type { Store } from '../../ports/store.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const at = (iso: string) => new Date(iso);

const reset = (id: string, userId: string, effectiveAt: string): TwoFactorReset => ({
  id,
  userId,
  requestedBy: null,
  reason: 'Lost phone; identity checked by video call',
  requestedAt: at('2026-01-01T00:00:00Z'),
  effectiveAt: at(effectiveAt),
  cancelTokenHash: `hash-${id}`,
  status: 'pending',
  closedAt: null,
});

describe.each(kinds)('staff roles and 2FA resets in the store on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
    for (const [id, email] of [
      ['u1', 'ann@example.com'],
      ['u2', 'bob@example.com'],
    ] as const) {
      await store.users.insertIfAbsent({
        id,
        email,
        passwordHash: '$argon2id$dummy',
        locale: null,
        createdAt: at('2026-01-01T00:00:00Z'),
        disabledAt: null,
      });
    }
  });
  afterEach(() => database.drop());

  it('keeps a staff role and gives every new account none', async () => {
    expect((await store.users.findById('u1'))?.staffRole).toBeNull();
    await store.users.setStaffRole('u1', 'operator');
    expect((await store.users.findByEmail('ann@example.com'))?.staffRole).toBe('operator');
    await store.users.setStaffRole('u1', null);
    expect((await store.users.findById('u1'))?.staffRole).toBeNull();
  });

  it('finds a pending reset by user and by token hash, and lists it when due', async () => {
    await store.twoFactorResets.create(reset('r1', 'u1', '2026-01-02T00:00:00Z'));
    expect((await store.twoFactorResets.findPendingForUser('u1'))?.reason).toContain('video call');
    expect((await store.twoFactorResets.findPendingByTokenHash('hash-r1'))?.userId).toBe('u1');
    expect(await store.twoFactorResets.findPendingForUser('u2')).toBeNull();
    expect(await store.twoFactorResets.listDue(at('2026-01-01T23:59:59Z'), 10)).toEqual([]);
    expect((await store.twoFactorResets.listDue(at('2026-01-02T00:00:00Z'), 10)).map((r) => r.id)).toEqual([
      'r1',
    ]);
  });

  it('closes a reset once, even when two callers race, and then no longer finds it pending', async () => {
    await store.twoFactorResets.create(reset('r1', 'u1', '2026-01-02T00:00:00Z'));
    const results = await Promise.all([
      store.twoFactorResets.close('r1', 'done', at('2026-01-02T00:00:00Z')),
      store.twoFactorResets.close('r1', 'cancelled', at('2026-01-02T00:00:00Z')),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.twoFactorResets.findPendingForUser('u1')).toBeNull();
    expect(await store.twoFactorResets.findPendingByTokenHash('hash-r1')).toBeNull();
    const [closed] = await store.twoFactorResets.listForUser('u1', 10);
    expect(closed?.status).toMatch(/done|cancelled/);
    expect(closed?.closedAt?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
  });

  it('keeps one pending reset per user, also when two staff members race; a closed one makes room', async () => {
    const results = await Promise.all(
      ['r1', 'r2', 'r3'].map((id) => store.twoFactorResets.create(reset(id, 'u1', '2026-01-02T00:00:00Z'))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.twoFactorResets.create(reset('r4', 'u2', '2026-01-02T00:00:00Z'))).toBe(true);
    const pending = (await store.twoFactorResets.findPendingForUser('u1'))!;
    await store.twoFactorResets.close(pending.id, 'cancelled', at('2026-01-01T01:00:00Z'));
    expect(await store.twoFactorResets.create(reset('r5', 'u1', '2026-01-03T00:00:00Z'))).toBe(true);
  });

  it('brings a pending reset forward with a new cancel token, never later and never once closed', async () => {
    await store.twoFactorResets.create(reset('r1', 'u1', '2026-01-02T00:00:00Z'));
    const later = at('2026-01-03T00:00:00Z');
    expect(await store.twoFactorResets.bringForward('r1', later, 'hash-later')).toBe(false);
    const sooner = at('2026-01-01T06:00:00Z');
    expect(await store.twoFactorResets.bringForward('r1', sooner, 'hash-new')).toBe(true);
    expect(await store.twoFactorResets.findPendingByTokenHash('hash-r1')).toBeNull();
    expect((await store.twoFactorResets.findPendingByTokenHash('hash-new'))?.effectiveAt).toEqual(sooner);
    await store.twoFactorResets.close('r1', 'cancelled', at('2026-01-01T01:00:00Z'));
    expect(await store.twoFactorResets.bringForward('r1', at('2026-01-01T03:00:00Z'), 'hash-newer')).toBe(
      false,
    );
  });
});
