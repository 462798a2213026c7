import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { Store } from '../../ports/store.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const at = (iso: string) => new Date(iso);

describe.each(kinds)('e-mail verification links in the store on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
    await store.users.insertIfAbsent({
      id: 'u1',
      email: 'Ann@Example.com',
      passwordHash: '$argon2id$dummy',
      locale: null,
      createdAt: at('2026-01-01T00:00:00Z'),
      disabledAt: null,
    });
  });
  afterEach(() => database.drop());

  const link = (tokenHash: string, createdAt: string) => ({
    tokenHash,
    userId: 'u1',
    email: 'Ann@Example.com',
    createdAt: at(createdAt),
    expiresAt: new Date(at(createdAt).getTime() + 24 * 60 * 60_000),
  });

  it('spends a link once, before it expires, and remembers the address it proved', async () => {
    await store.emailVerifications.create(link('h1', '2026-01-01T00:00:00Z'));
    expect(await store.emailVerifications.consume('h1', at('2026-01-02T00:00:00Z'))).toBeNull();
    expect(await store.emailVerifications.consume('nope', at('2026-01-01T01:00:00Z'))).toBeNull();
    expect(await store.emailVerifications.consume('h1', at('2026-01-01T01:00:00Z'))).toEqual({
      userId: 'u1',
      email: 'ann@example.com',
    });
    expect(await store.emailVerifications.consume('h1', at('2026-01-01T01:00:01Z'))).toBeNull();
    expect((await store.emailVerifications.find('h1'))?.usedAt).toEqual(at('2026-01-01T01:00:00Z'));
  });

  it('lets exactly one of two concurrent clicks spend a link', async () => {
    await store.emailVerifications.create(link('h1', '2026-01-01T00:00:00Z'));
    const now = at('2026-01-01T00:10:00Z');
    const results = await Promise.all([
      store.transaction((tx) => tx.emailVerifications.consume('h1', now)),
      store.transaction((tx) => tx.emailVerifications.consume('h1', now)),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
  });

  it('finds a link in any state and the newest link of a user', async () => {
    expect(await store.emailVerifications.lastCreatedAt('u1')).toBeNull();
    await store.emailVerifications.create(link('h1', '2026-01-01T00:00:00Z'));
    await store.emailVerifications.create(link('h2', '2026-01-01T00:05:00Z'));
    expect(await store.emailVerifications.lastCreatedAt('u1')).toEqual(at('2026-01-01T00:05:00Z'));
    expect(await store.emailVerifications.find('h1')).toMatchObject({
      userId: 'u1',
      email: 'ann@example.com',
      usedAt: null,
      expiresAt: at('2026-01-02T00:00:00Z'),
    });
    expect(await store.emailVerifications.find('unknown')).toBeNull();
  });

  it('counts an address as proved only while it is the one that was proved', async () => {
    expect(await store.emailVerifications.verifiedAt('u1', 'ann@example.com')).toBeNull();
    await store.emailVerifications.markVerified('u1', 'ANN@example.com', at('2026-01-01T00:10:00Z'));
    expect(await store.emailVerifications.verifiedAt('u1', 'Ann@Example.com')).toEqual(
      at('2026-01-01T00:10:00Z'),
    );
    expect(await store.emailVerifications.verifiedAt('u1', 'ann@elsewhere.example')).toBeNull();
    await store.emailVerifications.markVerified('u1', 'ann@elsewhere.example', at('2026-01-02T00:00:00Z'));
    expect(await store.emailVerifications.verifiedAt('u1', 'ann@example.com')).toBeNull();
  });
});
