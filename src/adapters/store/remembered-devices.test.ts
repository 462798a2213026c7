import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { RememberedDevice } from '../../core/sessions/remembered-device.js';
import type { Store } from '../../ports/store.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const day = 24 * 3600 * 1000;
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * day);

const device = (id: string, overrides: Partial<RememberedDevice> = {}): RememberedDevice => ({
  id,
  userId: 'u1',
  tokenHash: `hash-${id}`,
  deviceName: 'Firefox on Linux',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  ip: '203.0.113.7',
  createdAt: at(0),
  expiresAt: at(30),
  lastUsedAt: null,
  ...overrides,
});

describe.each(kinds)('remembered device store contract on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
    for (const id of ['u1', 'u2'])
      await store.users.insertIfAbsent({
        id,
        email: `${id}@example.com`,
        passwordHash: 'x',
        locale: null,
        createdAt: at(0),
        disabledAt: null,
        staffRole: null,
      });
  });
  afterEach(() => database.drop());

  it('finds a device by its token digest until it expires, and never after', async () => {
    await store.rememberedDevices.create(device('d1'));
    expect(await store.rememberedDevices.findValid('hash-d1', at(29))).toEqual(device('d1'));
    expect(await store.rememberedDevices.findValid('hash-d1', at(30))).toBeNull();
    expect(await store.rememberedDevices.findValid('hash-unknown', at(1))).toBeNull();
  });

  it('lists only the user’s unexpired devices, newest first', async () => {
    await store.rememberedDevices.create(device('old', { createdAt: at(0), expiresAt: at(30) }));
    await store.rememberedDevices.create(device('new', { createdAt: at(5), expiresAt: at(35) }));
    await store.rememberedDevices.create(device('gone', { createdAt: at(-40), expiresAt: at(-10) }));
    await store.rememberedDevices.create(device('bob', { userId: 'u2' }));
    expect((await store.rememberedDevices.listForUser('u1', at(6))).map((d) => d.id)).toEqual(['new', 'old']);
    expect((await store.rememberedDevices.listForUser('u1', at(31))).map((d) => d.id)).toEqual(['new']);
  });

  it('records the last use', async () => {
    await store.rememberedDevices.create(device('d1'));
    await store.rememberedDevices.markUsed('d1', at(3));
    expect((await store.rememberedDevices.findValid('hash-d1', at(4)))?.lastUsedAt).toEqual(at(3));
  });

  it('deletes one device only for its own user', async () => {
    await store.rememberedDevices.create(device('d1'));
    expect(await store.rememberedDevices.delete('u2', 'd1')).toBe(false);
    expect(await store.rememberedDevices.findValid('hash-d1', at(1))).not.toBeNull();
    expect(await store.rememberedDevices.delete('u1', 'd1')).toBe(true);
    expect(await store.rememberedDevices.delete('u1', 'd1')).toBe(false);
    expect(await store.rememberedDevices.findValid('hash-d1', at(1))).toBeNull();
  });

  it('deletes every device of a user and leaves the others', async () => {
    await store.rememberedDevices.create(device('a'));
    await store.rememberedDevices.create(device('b'));
    await store.rememberedDevices.create(device('c', { userId: 'u2' }));
    expect(await store.rememberedDevices.deleteForUser('u1')).toBe(2);
    expect(await store.rememberedDevices.listForUser('u1', at(1))).toEqual([]);
    expect(await store.rememberedDevices.listForUser('u2', at(1))).toHaveLength(1);
  });

  it('deletes expired devices', async () => {
    await store.rememberedDevices.create(device('live'));
    await store.rememberedDevices.create(device('dead', { createdAt: at(-40), expiresAt: at(-10) }));
    expect(await store.rememberedDevices.deleteExpired(at(0))).toBe(1);
    expect((await store.rememberedDevices.listForUser('u1', at(0))).map((d) => d.id)).toEqual(['live']);
  });

  it('refuses a second device with the same token digest', async () => {
    await store.rememberedDevices.create(device('d1'));
    await expect(store.rememberedDevices.create(device('d2', { tokenHash: 'hash-d1' }))).rejects.toThrow();
  });

  it('goes with its user', async () => {
    await store.rememberedDevices.create(device('d1'));
    await database.db.deleteFrom('users').where('id', '=', 'u1').execute();
    expect(await store.rememberedDevices.findValid('hash-d1', at(1))).toBeNull();
  });
});
