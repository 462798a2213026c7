import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { CodeChallenge } from '../../core/two-factor/code-challenge.js';
import type { Store } from '../../ports/store.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

const challenge = (id: string, overrides: Partial<CodeChallenge> = {}): CodeChallenge => ({
  id,
  userId: 'u1',
  methodId: 'm1',
  purpose: 'sign_in',
  sessionId: 's1',
  codeHash: `hash-${id}`,
  createdAt: at(0),
  expiresAt: at(600),
  attempts: 0,
  consumedAt: null,
  lastSentAt: at(0),
  destination: null,
  ...overrides,
});

describe.each(kinds)('code challenge store contract on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
    const t = at(0);
    await store.users.insertIfAbsent({
      id: 'u1',
      email: 'ann@example.com',
      passwordHash: 'x',
      locale: null,
      createdAt: t,
      disabledAt: null,
      staffRole: null,
    });
    for (const id of ['s1', 's2'])
      await store.sessions.create({
        id,
        tokenHash: `token-${id}`,
        userId: 'u1',
        state: 'second_factor',
        createdAt: t,
        lastSeenAt: t,
        expiresAt: at(3600),
        sudoUntil: null,
        userAgent: 'test',
        ip: '127.0.0.1',
      });
    for (const id of ['m1', 'm2'])
      await store.methods.create({
        id,
        userId: 'u1',
        type: 'sms',
        label: 'SMS',
        status: 'active',
        secretSealed: null,
        destination: '+31612345678',
        otp: null,
        lastUsedStep: null,
        createdAt: t,
        confirmedAt: t,
        lastUsedAt: null,
        pendingExpiresAt: null,
      });
  });
  afterEach(() => database.drop());

  it('finds the newest challenge of a method, purpose and session only', async () => {
    await store.codeChallenges.replace(challenge('c1'));
    expect(await store.codeChallenges.findLatest('m1', 'sign_in', 's1')).toEqual(challenge('c1'));
    expect(await store.codeChallenges.findLatest('m1', 'enroll', 's1')).toBeNull();
    expect(await store.codeChallenges.findLatest('m1', 'sign_in', 's2')).toBeNull();
    expect(await store.codeChallenges.findLatest('m2', 'sign_in', 's1')).toBeNull();
  });

  it('replacing kills the earlier code of the same method, purpose and session only', async () => {
    await store.codeChallenges.replace(challenge('c1'));
    await store.codeChallenges.replace(challenge('other-session', { sessionId: 's2' }));
    await store.codeChallenges.replace(challenge('c2', { lastSentAt: at(40) }));
    expect((await store.codeChallenges.findLatest('m1', 'sign_in', 's1'))?.id).toBe('c2');
    expect(await store.codeChallenges.consume('c1', at(50), 5)).toBe(false);
    expect((await store.codeChallenges.findLatest('m1', 'sign_in', 's2'))?.id).toBe('other-session');
  });

  it('spends a challenge once, even under parallel attempts', async () => {
    await store.codeChallenges.replace(challenge('c1'));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.codeChallenges.consume('c1', at(10), 5)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await store.codeChallenges.findLatest('m1', 'sign_in', 's1'))?.consumedAt).toEqual(at(10));
  });

  it('refuses to spend an expired challenge or one out of tries', async () => {
    await store.codeChallenges.replace(challenge('c1'));
    expect(await store.codeChallenges.consume('c1', at(600), 5)).toBe(false);
    await store.codeChallenges.replace(challenge('c2'));
    const counts = await Promise.all(Array.from({ length: 5 }, () => store.codeChallenges.addWrongTry('c2')));
    expect(counts.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await store.codeChallenges.consume('c2', at(10), 5)).toBe(false);
  });

  it('sends again only after the cool-down, decided by one conditional write even under a race', async () => {
    await store.codeChallenges.replace(challenge('c1'));
    const cutoff = at(10); // only a code sent at or before this may be replaced
    const racers = Array.from({ length: 20 }, (_, i) =>
      store.codeChallenges.replace(challenge(`r${i}`, { lastSentAt: at(40) }), { unlessSentAfter: cutoff }),
    );
    expect((await Promise.all(racers)).filter(Boolean)).toHaveLength(1);
    const winner = await store.codeChallenges.findLatest('m1', 'sign_in', 's1');
    expect(winner?.id).toMatch(/^r\d+$/);
    const early = challenge('late', { lastSentAt: at(45) });
    expect(await store.codeChallenges.replace(early, { unlessSentAfter: at(20) })).toBe(false);
    expect((await store.codeChallenges.findLatest('m1', 'sign_in', 's1'))?.id).toBe(winner?.id);
    expect(await store.codeChallenges.consume('c1', at(50), 5)).toBe(false);
  });

  it('discards one challenge only', async () => {
    await store.codeChallenges.replace(challenge('c1'));
    await store.codeChallenges.replace(challenge('c2', { sessionId: 's2' }));
    await store.codeChallenges.discard('c1');
    expect(await store.codeChallenges.findLatest('m1', 'sign_in', 's1')).toBeNull();
    expect((await store.codeChallenges.findLatest('m1', 'sign_in', 's2'))?.id).toBe('c2');
  });

  it('keeps the destination a code was sent to', async () => {
    await store.codeChallenges.replace(challenge('c1', { purpose: 'change', destination: '+31687654321' }));
    const found = await store.codeChallenges.findLatest('m1', 'change', 's1');
    expect(found?.destination).toBe('+31687654321');
  });

  it('dies with its session and its method', async () => {
    await store.codeChallenges.replace(challenge('c1'));
    await store.codeChallenges.replace(challenge('c2', { methodId: 'm2', sessionId: 's2' }));
    await store.sessions.delete('s1');
    expect(await store.codeChallenges.findLatest('m1', 'sign_in', 's1')).toBeNull();
    await store.codeChallenges.deleteForMethod('m2');
    expect(await store.codeChallenges.findLatest('m2', 'sign_in', 's2')).toBeNull();
  });
});
