import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { Invitation } from '../../core/organizations/organization.js';
import type { OrganizationRole } from '../../core/organizations/roles.js';
import type { Store } from '../../ports/store.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

const invitation = (id: string, overrides: Partial<Invitation> = {}): Invitation => ({
  id,
  tokenHash: `hash-${id}`,
  organizationId: 'o1',
  email: 'Cleo@Example.com',
  role: 'member',
  invitedBy: 'ann',
  createdAt: at(0),
  expiresAt: at(600),
  acceptedAt: null,
  ...overrides,
});

describe.each(kinds)('organization store contract on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
    for (const name of ['ann', 'bob', 'cleo', 'dan'])
      await store.users.insertIfAbsent({
        id: name,
        email: `${name}@example.com`,
        passwordHash: 'x',
        locale: null,
        createdAt: at(0),
        disabledAt: null,
      });
    await store.organizations.create(
      { id: 'o1', name: 'Zeta Bank', createdAt: at(1) },
      { userId: 'ann', joinedAt: at(1) },
    );
    await store.organizations.create(
      { id: 'o2', name: 'Acme', createdAt: at(2) },
      { userId: 'bob', joinedAt: at(2) },
    );
  });
  afterEach(() => database.drop());

  /** Adds `userId` to the organization (Zeta Bank unless told) as `role`, `seconds` into the year. */
  const join = (userId: string, role: OrganizationRole, seconds: number, organizationId = 'o1') =>
    store.organizations.addMember({ organizationId, userId, role, joinedAt: at(seconds) });

  it('creates an organization with its owner and lists organizations in creation order', async () => {
    expect(await store.organizations.findById('o1')).toEqual({
      id: 'o1',
      name: 'Zeta Bank',
      createdAt: at(1),
    });
    expect(await store.organizations.findById('nope')).toBeNull();
    expect((await store.organizations.list({ limit: 10, offset: 0 })).map((o) => o.id)).toEqual(['o1', 'o2']);
    expect((await store.organizations.list({ limit: 1, offset: 1 })).map((o) => o.id)).toEqual(['o2']);
    expect(await store.organizations.roleOf('o1', 'ann')).toBe('owner');
    expect(await store.organizations.roleOf('o2', 'ann')).toBeNull();
  });

  it("lists a user's memberships by organization name, with the role held in each", async () => {
    expect(await join('ann', 'admin', 3, 'o2')).toBe(true);
    expect(await store.organizations.membershipsOfUser('ann')).toEqual([
      { organizationId: 'o2', organizationName: 'Acme', role: 'admin' },
      { organizationId: 'o1', organizationName: 'Zeta Bank', role: 'owner' },
    ]);
    expect(await store.organizations.membershipsOfUser('dan')).toEqual([]);
  });

  it('adds a member once, also when the same user is added eight times at once', async () => {
    const added = await Promise.all(Array.from({ length: 8 }, () => join('cleo', 'member', 5)));
    expect(added.filter(Boolean)).toHaveLength(1);
    expect(await store.organizations.membersOf('o1')).toEqual([
      { userId: 'ann', email: 'ann@example.com', role: 'owner', joinedAt: at(1) },
      { userId: 'cleo', email: 'cleo@example.com', role: 'member', joinedAt: at(5) },
    ]);
  });

  it('lists members owners first, then admins, then members', async () => {
    await join('bob', 'member', 3);
    await join('dan', 'admin', 4);
    await join('cleo', 'owner', 5);
    expect((await store.organizations.membersOf('o1')).map((m) => `${m.role}:${m.userId}`)).toEqual([
      'owner:ann',
      'owner:cleo',
      'admin:dan',
      'member:bob',
    ]);
  });

  it('never demotes or removes the last owner', async () => {
    expect(await store.organizations.changeRole('o1', 'ann', 'admin')).toBe('last_owner');
    expect(await store.organizations.removeMember('o1', 'ann')).toBe('last_owner');
    expect(await store.organizations.changeRole('o1', 'dan', 'admin')).toBe('not_member');
    expect(await store.organizations.removeMember('o1', 'dan')).toBe('not_member');
    expect(await store.organizations.roleOf('o1', 'ann')).toBe('owner');
  });

  it('changes roles and removes members while another owner remains', async () => {
    await join('cleo', 'member', 3);
    expect(await store.organizations.changeRole('o1', 'cleo', 'owner')).toBe('changed');
    expect(await store.organizations.changeRole('o1', 'ann', 'member')).toBe('changed');
    expect(await store.organizations.removeMember('o1', 'ann')).toBe('changed');
    expect(await store.organizations.membersOf('o1')).toEqual([
      { userId: 'cleo', email: 'cleo@example.com', role: 'owner', joinedAt: at(3) },
    ]);
  });

  it('leaves one owner when two owners demote each other at the same moment', async () => {
    await join('cleo', 'owner', 3);
    const outcomes = await Promise.all([
      store.organizations.changeRole('o1', 'ann', 'member'),
      store.organizations.removeMember('o1', 'cleo'),
    ]);
    expect(outcomes.sort()).toEqual(['changed', 'last_owner']);
    expect((await store.organizations.membersOf('o1')).filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('spends an invitation once, and never after it expires', async () => {
    await store.organizations.createInvitation(invitation('i1'));
    await store.organizations.createInvitation(invitation('i2', { expiresAt: at(10) }));
    expect((await store.organizations.findValidInvitation('hash-i1', at(100)))?.email).toBe(
      'Cleo@Example.com',
    );
    expect(await store.organizations.findValidInvitation('hash-i2', at(10))).toBeNull();
    expect((await store.organizations.pendingInvitations('o1', at(5))).map((i) => i.id).sort()).toEqual([
      'i1',
      'i2',
    ]);

    const accepts = await Promise.all(
      Array.from({ length: 6 }, () => store.organizations.consumeInvitation('hash-i1', at(100))),
    );
    expect(accepts.filter(Boolean)).toHaveLength(1);
    expect(accepts.find(Boolean)).toMatchObject({
      organizationId: 'o1',
      role: 'member',
      acceptedAt: at(100),
    });
    expect(await store.organizations.findValidInvitation('hash-i1', at(101))).toBeNull();
    expect(await store.organizations.consumeInvitation('hash-i2', at(100))).toBeNull();
    expect(await store.organizations.pendingInvitations('o1', at(100))).toEqual([]);
  });

  it("knows each member's last successful sign-in, and nothing of other users or other events", async () => {
    await join('cleo', 'member', 3);
    const event = (
      id: string,
      userId: string,
      type: 'sign_in_succeeded' | 'sign_in_failed',
      seconds: number,
    ) =>
      store.audit.append({
        id,
        userId,
        type,
        at: at(seconds),
        ip: '203.0.113.1',
        userAgent: 't',
        detail: {},
      });
    await event('e1', 'ann', 'sign_in_succeeded', 10);
    await event('e2', 'ann', 'sign_in_succeeded', 20);
    await event('e3', 'ann', 'sign_in_failed', 30);
    await event('e4', 'bob', 'sign_in_succeeded', 40);
    const last = await store.organizations.lastSignIns('o1');
    expect([...last.entries()]).toEqual([['ann', at(20)]]);
  });

  it('forgets the memberships of a deleted user and the members of a deleted organization', async () => {
    await join('cleo', 'member', 3);
    await database.db.deleteFrom('users').where('id', '=', 'cleo').execute();
    expect((await store.organizations.membersOf('o1')).map((m) => m.userId)).toEqual(['ann']);
    await database.db.deleteFrom('organizations').where('id', '=', 'o1').execute();
    expect(await store.organizations.membershipsOfUser('ann')).toEqual([]);
  });
});
