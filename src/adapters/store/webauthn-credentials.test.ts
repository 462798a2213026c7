import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { WebauthnCredential } from '../../core/two-factor/webauthn-credential.js';
import type { Store } from '../../ports/store.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const at = (iso: string) => new Date(iso);
const now = at('2026-11-23T09:00:00Z');

const user = (id: string) => ({
  id,
  email: `${id}@example.com`,
  passwordHash: '$argon2id$dummy',
  locale: null,
  createdAt: at('2026-01-01T00:00:00Z'),
  disabledAt: null,
});

const method = (id: string, userId: string) => ({
  id,
  userId,
  type: 'webauthn',
  label: 'YubiKey',
  status: 'active' as const,
  secretSealed: null,
  destination: null,
  otp: null,
  lastUsedStep: null,
  createdAt: now,
  confirmedAt: now,
  lastUsedAt: null,
  pendingExpiresAt: null,
});

const credential = (methodId: string, userId: string, over: Partial<WebauthnCredential> = {}) => ({
  methodId,
  userId,
  credentialId: `cred-${methodId}`,
  publicKey: 'pQECAyYgASFY',
  signCount: 5,
  transports: ['usb', 'nfc'],
  aaguid: '00000000-0000-0000-0000-000000000000',
  backedUp: false,
  userVerification: 'preferred' as const,
  createdAt: now,
  ...over,
});

describe.each(kinds)('security key credentials, on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
    for (const id of ['ann', 'bob']) await store.users.insertIfAbsent(user(id));
    await store.methods.create(method('m1', 'ann'));
    await store.methods.create(method('m2', 'bob'));
  });
  afterEach(() => database.drop());

  it('keeps every field, and lists only the user’s own credentials', async () => {
    const large = 2 ** 32 - 1;
    const stored = credential('m1', 'ann', {
      signCount: large,
      backedUp: true,
      userVerification: 'required',
    });
    expect(await store.webauthnCredentials.add(stored)).toBe(true);
    expect(await store.webauthnCredentials.findByMethod('m1')).toEqual(stored);
    expect(await store.webauthnCredentials.listForUser('ann')).toEqual([stored]);
    expect(await store.webauthnCredentials.listForUser('bob')).toEqual([]);
  });

  it('registers one credential id once, for whoever came first', async () => {
    const results = await Promise.all([
      store.webauthnCredentials.add(credential('m1', 'ann', { credentialId: 'same' })),
      store.webauthnCredentials.add(credential('m2', 'bob', { credentialId: 'same' })),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('moves the counter only forward, and accepts 0 only from a key that never counted', async () => {
    const keys = store.webauthnCredentials;
    await keys.add(credential('m1', 'ann', { signCount: 5 }));
    expect(await keys.recordSignCount('m1', 5)).toBe(false);
    expect(await keys.recordSignCount('m1', 4)).toBe(false);
    expect(await keys.recordSignCount('m1', 0)).toBe(false);
    const racing = await Promise.all([keys.recordSignCount('m1', 6), keys.recordSignCount('m1', 6)]);
    expect(racing.filter(Boolean)).toHaveLength(1);
    expect((await keys.findByMethod('m1'))?.signCount).toBe(6);
    await keys.add(credential('m2', 'bob', { signCount: 0 }));
    expect(await keys.recordSignCount('m2', 0)).toBe(true);
    expect(await keys.recordSignCount('m2', 0)).toBe(true);
  });

  it('forgets the credential with its method', async () => {
    await store.webauthnCredentials.add(credential('m1', 'ann'));
    await store.methods.delete('m1');
    expect(await store.webauthnCredentials.findByMethod('m1')).toBeNull();
  });
});
