import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import { emptyPolicy, type StoredPolicy } from '../../core/policy/policy.js';
import type { Store } from '../../ports/store.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const day = (d: number) => new Date(Date.UTC(2026, 6, d));

const policy = (scope: string, overrides: Partial<StoredPolicy> = {}): StoredPolicy => ({
  ...emptyPolicy,
  scope,
  updatedAt: day(1),
  ...overrides,
});

describe.each(kinds)('policy store contract on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
    await store.users.insertIfAbsent({
      id: 'u1',
      email: 'ann@example.com',
      passwordHash: 'x',
      locale: null,
      createdAt: day(1),
      disabledAt: null,
    });
  });
  afterEach(() => database.drop());

  it('stores every field and gives it back the same', async () => {
    const full = policy('global', {
      requiredFrom: new Date('2026-06-30T22:00:00.000Z'),
      timeZone: 'Europe/Amsterdam',
      allowedMethods: ['totp', 'sms'],
      backupRequired: true,
      recoveryCodesCountAsBackup: false,
      maxRememberDeviceDays: 7,
      sudoMinutes: 5,
    });
    await store.policies.put(full);
    await store.policies.put(policy('org-1'));
    expect(await store.policies.findForScopes(['global'])).toEqual([full]);
    expect(await store.policies.findForScopes(['org-1', 'org-2'])).toEqual([policy('org-1')]);
    expect(await store.policies.findForScopes([])).toEqual([]);
  });

  it('replaces the policy of a scope, and removes it', async () => {
    await store.policies.put(policy('global', { sudoMinutes: 5 }));
    await store.policies.put(policy('global', { allowedMethods: [], updatedAt: day(2) }));
    expect(await store.policies.findForScopes(['global'])).toEqual([
      policy('global', { allowedMethods: [], updatedAt: day(2) }),
    ]);
    expect(await store.policies.remove('global')).toBe(true);
    expect(await store.policies.remove('global')).toBe(false);
    expect(await store.policies.findForScopes(['global'])).toEqual([]);
  });

  it('lists only the policies whose deadline is still ahead', async () => {
    await store.policies.put(policy('past', { requiredFrom: day(1) }));
    await store.policies.put(policy('ahead', { requiredFrom: day(20) }));
    await store.policies.put(policy('none'));
    const listed = await store.policies.listWithDeadlineAfter(day(10));
    expect(listed.map((p) => p.scope)).toEqual(['ahead']);
  });

  it('lets exactly one of many racing claims of a reminder win', async () => {
    const claim = { userId: 'u1', deadline: day(20), daysBefore: 7, at: day(13) };
    const results = await Promise.all(Array.from({ length: 8 }, () => store.policies.claimReminder(claim)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.policies.claimReminder(claim)).toBe(false);
    expect(await store.policies.claimReminder({ ...claim, daysBefore: 1 })).toBe(true);
    expect(await store.policies.claimReminder({ ...claim, deadline: day(21) })).toBe(true);
  });
});
