import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { Session, User } from '../../core/types.js';
import type { Store } from '../../ports/store.js';
import { sqlRateLimiter } from '../ratelimit/sql-rate-limiter.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const at = (iso: string) => new Date(iso);

const user = (id: string, email: string): User => ({
  id,
  email,
  passwordHash: '$argon2id$dummy',
  locale: null,
  createdAt: at('2026-01-01T00:00:00Z'),
  disabledAt: null,
  staffRole: null,
});

const session = (id: string, userId: string, tokenHash: string): Session => ({
  id,
  tokenHash,
  userId,
  state: 'signed_in',
  createdAt: at('2026-01-01T00:00:00Z'),
  lastSeenAt: at('2026-01-01T00:00:00Z'),
  expiresAt: at('2026-01-02T00:00:00Z'),
  sudoUntil: null,
  userAgent: 'test',
  ip: '127.0.0.1',
});

describe.each(kinds)('store contract on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
  });
  afterEach(() => database.drop());

  it('inserts a user once per normalized address, also when eight sign-ups race', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.users.insertIfAbsent(user(`u${i}`, i % 2 ? 'Ann@Example.com' : 'ann@example.com')),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await store.users.list({ limit: 10, offset: 0 })).length).toBe(1);
    expect((await store.users.findByEmail(' ANN@example.COM'))?.email.toLowerCase()).toBe('ann@example.com');
  });

  it('finds a session by token hash, rotates its token and forgets the old one', async () => {
    await store.users.insertIfAbsent(user('u1', 'a@example.com'));
    await store.sessions.create(session('s1', 'u1', 'hash-1'));
    await store.sessions.rotate('s1', 'hash-2', {
      state: 'signed_in',
      sudoUntil: at('2026-01-01T00:10:00Z'),
      lastSeenAt: at('2026-01-01T00:01:00Z'),
    });
    expect(await store.sessions.findByTokenHash('hash-1')).toBeNull();
    const rotated = await store.sessions.findByTokenHash('hash-2');
    expect(rotated?.id).toBe('s1');
    expect(rotated?.sudoUntil?.toISOString()).toBe('2026-01-01T00:10:00.000Z');
  });

  it('deletes every session of a user except the one kept', async () => {
    await store.users.insertIfAbsent(user('u1', 'a@example.com'));
    await store.users.insertIfAbsent(user('u2', 'b@example.com'));
    for (const [id, owner] of [
      ['s1', 'u1'],
      ['s2', 'u1'],
      ['s3', 'u1'],
      ['s4', 'u2'],
    ] as const) {
      await store.sessions.create(session(id, owner, `h-${id}`));
    }
    expect(await store.sessions.deleteForUser('u1', 's2')).toBe(2);
    expect((await store.sessions.listForUser('u1')).map((s) => s.id)).toEqual(['s2']);
    expect(await store.sessions.listForUser('u2')).toHaveLength(1);
  });

  it('spends a password-reset token exactly once, even when used twice at once', async () => {
    await store.users.insertIfAbsent(user('u1', 'a@example.com'));
    await store.passwordResets.create({
      tokenHash: 't',
      userId: 'u1',
      createdAt: at('2026-01-01T00:00:00Z'),
      expiresAt: at('2026-01-01T00:30:00Z'),
    });
    const now = at('2026-01-01T00:05:00Z');
    const results = await Promise.all([
      store.passwordResets.consume('t', now),
      store.passwordResets.consume('t', now),
    ]);
    expect(results.filter((r) => r === 'u1')).toHaveLength(1);
  });

  it('refuses an expired password-reset token', async () => {
    await store.users.insertIfAbsent(user('u1', 'a@example.com'));
    await store.passwordResets.create({
      tokenHash: 't',
      userId: 'u1',
      createdAt: at('2026-01-01T00:00:00Z'),
      expiresAt: at('2026-01-01T00:30:00Z'),
    });
    expect(await store.passwordResets.consume('t', at('2026-01-01T00:30:01Z'))).toBeNull();
  });

  it('rolls a transaction back whole when it throws', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.users.insertIfAbsent(user('u1', 'a@example.com'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.users.findById('u1')).toBeNull();
  });

  it('keeps the audit trail newest first', async () => {
    for (const [id, time] of [
      ['e1', '2026-01-01T00:00:00Z'],
      ['e2', '2026-01-01T00:01:00Z'],
    ] as const) {
      await store.audit.append({
        id,
        userId: 'u1',
        type: 'sign_in_failed',
        at: at(time),
        ip: '::1',
        userAgent: 'x',
        detail: { n: 1 },
      });
    }
    expect((await store.audit.listForUser('u1', 10)).map((e) => e.id)).toEqual(['e2', 'e1']);
  });

  it('counts 30 parallel attempts against a limit of 10 as 30', async () => {
    const limiter = sqlRateLimiter(database.db);
    const now = at('2026-01-01T00:00:00Z');
    const rule = { limit: 10, windowSeconds: 60 };
    const decisions = await Promise.all(Array.from({ length: 30 }, () => limiter.consume('k', rule, now)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBe(60);
    expect((await limiter.consume('k', rule, at('2026-01-01T00:01:00Z'))).allowed).toBe(true);
  });

  it('starts a key over after reset', async () => {
    const limiter = sqlRateLimiter(database.db);
    const rule = { limit: 1, windowSeconds: 60 };
    const now = at('2026-01-01T00:00:00Z');
    await limiter.consume('k', rule, now);
    expect((await limiter.consume('k', rule, now)).allowed).toBe(false);
    await limiter.reset('k');
    expect((await limiter.consume('k', rule, now)).allowed).toBe(true);
  });

  const totpMethod = (id: string, userId: string, pendingUntil: string | null = null) => ({
    id,
    userId,
    type: 'totp' as const,
    label: 'Phone',
    status: (pendingUntil ? 'pending' : 'active') as 'pending' | 'active',
    secretSealed: 'v1.k.iv.ct',
    destination: null,
    otp: { algorithm: 'SHA1' as const, digits: 6 as const, period: 30 },
    lastUsedStep: null,
    createdAt: at('2026-01-01T00:00:00Z'),
    confirmedAt: null,
    lastUsedAt: null,
    pendingExpiresAt: pendingUntil ? at(pendingUntil) : null,
  });

  it('records a TOTP step once under a race, and never an older one after', async () => {
    await store.users.insertIfAbsent(user('u1', 'a@example.com'));
    await store.methods.create(totpMethod('m1', 'u1'));
    const now = at('2026-01-01T00:00:00Z');
    const wins = await Promise.all(
      Array.from({ length: 10 }, () => store.methods.recordStepUse('m1', 59_000_000n, now)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.methods.recordStepUse('m1', 58_999_999n, now)).toBe(false);
    expect(await store.methods.recordStepUse('m1', 59_000_001n, now)).toBe(true);
    expect((await store.methods.find('m1'))?.lastUsedStep).toBe(59_000_001n);
  });

  it('spends a recovery code once under a race', async () => {
    await store.users.insertIfAbsent(user('u1', 'a@example.com'));
    const now = at('2026-01-01T00:00:00Z');
    await store.recoveryCodes.replace('u1', ['h1', 'h2'], now);
    const wins = await Promise.all(
      Array.from({ length: 10 }, () => store.recoveryCodes.spend('u1', ['h1', 'x'], now)),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await store.recoveryCodes.countLeft('u1')).toBe(1);
    expect(await store.recoveryCodes.spend('u2', ['h2'], now)).toBe(false);
  });

  it('activates a pending method only before it expires', async () => {
    await store.users.insertIfAbsent(user('u1', 'a@example.com'));
    await store.methods.create(totpMethod('m1', 'u1', '2026-01-01T00:15:00Z'));
    await store.methods.create(totpMethod('m2', 'u1', '2026-01-01T00:15:00Z'));
    expect(await store.methods.activate('m1', at('2026-01-01T00:15:00Z'))).toBe(false);
    expect(await store.methods.activate('m2', at('2026-01-01T00:14:59Z'))).toBe(true);
    expect(await store.methods.activate('m2', at('2026-01-01T00:14:59Z'))).toBe(false);
    await store.methods.deleteExpiredPending('u1', at('2026-01-01T00:16:00Z'));
    expect((await store.methods.listForUser('u1')).map((m) => m.id)).toEqual(['m2']);
  });

  it('counts factor failures on a session atomically', async () => {
    await store.users.insertIfAbsent(user('u1', 'a@example.com'));
    await store.sessions.create(session('s1', 'u1', 'h'));
    const counts = await Promise.all(Array.from({ length: 5 }, () => store.sessions.addFactorFailure('s1')));
    expect(counts.sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
