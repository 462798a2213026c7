import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { Store } from '../../ports/store.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const at = (iso: string) => new Date(iso);
const now = at('2026-11-23T09:00:00Z');
const tomorrow = at('2026-11-24T09:00:00Z');

describe.each(kinds)('second-factor attempts in a row, on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
    await store.users.insertIfAbsent({
      id: 'u1',
      email: 'ann@example.com',
      passwordHash: '$argon2id$dummy',
      locale: null,
      createdAt: at('2026-01-01T00:00:00Z'),
      disabledAt: null,
    });
  });
  afterEach(() => database.drop());

  it('counts parallel attempts exactly, each with its own number', async () => {
    const counts = await Promise.all(
      Array.from({ length: 30 }, () => store.secondFactorLockouts.countAttempt('u1')),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await store.secondFactorLockouts.clear('u1');
    expect(await store.secondFactorLockouts.countAttempt('u1')).toBe(1);
  });

  it('keeps one valid unlock link at a time; a link works once, before it expires', async () => {
    const lockouts = store.secondFactorLockouts;
    expect(await lockouts.setUnlockToken('u1', 'h1', tomorrow, now)).toBe(false);
    await lockouts.countAttempt('u1');
    const set = await Promise.all(
      ['h1', 'h2', 'h3'].map((h) => lockouts.setUnlockToken('u1', h, tomorrow, now)),
    );
    expect(set.filter(Boolean)).toHaveLength(1);
    const valid = ['h1', 'h2', 'h3'][set.indexOf(true)]!;
    expect(await lockouts.unlock(valid, tomorrow)).toBeNull();
    expect(await lockouts.unlock('h-unknown', now)).toBeNull();
    expect(await lockouts.unlock(valid, now)).toBe('u1');
    expect(await lockouts.unlock(valid, now)).toBeNull();
    expect(await lockouts.countAttempt('u1')).toBe(1);
  });

  it('sets a new link once the last one expired', async () => {
    const lockouts = store.secondFactorLockouts;
    await lockouts.countAttempt('u1');
    expect(await lockouts.setUnlockToken('u1', 'h1', tomorrow, now)).toBe(true);
    expect(await lockouts.setUnlockToken('u1', 'h2', at('2026-11-25T09:00:00Z'), tomorrow)).toBe(true);
    expect(await lockouts.unlock('h1', now)).toBeNull();
    expect(await lockouts.unlock('h2', tomorrow)).toBe('u1');
  });
});
