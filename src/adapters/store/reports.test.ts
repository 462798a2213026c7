import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, storeKinds, type TestDatabase } from '../../../test/support/databases.js';
import type { AdoptionSnapshot } from '../../core/reports/adoption.js';
import type { AuditEvent, TwoFactorMethod, User } from '../../core/types.js';
import type { MethodType } from '../../factors/registry.js';
import type { Store } from '../../ports/store.js';
import { kyselyStore } from './kysely-store.js';

const kinds = await storeKinds();
const at = (iso: string) => new Date(iso);

const user = (id: string, disabled = false): User => ({
  id,
  email: `${id}@example.com`,
  passwordHash: '$argon2id$dummy',
  locale: null,
  createdAt: at('2026-01-01T00:00:00Z'),
  disabledAt: disabled ? at('2026-02-01T00:00:00Z') : null,
  staffRole: null,
});

const method = (
  id: string,
  userId: string,
  type: MethodType,
  status: 'active' | 'pending',
): TwoFactorMethod => ({
  id,
  userId,
  type,
  label: type,
  status,
  secretSealed: null,
  destination: null,
  otp: null,
  lastUsedStep: null,
  createdAt: at('2026-01-01T00:00:00Z'),
  confirmedAt: status === 'active' ? at('2026-01-01T00:00:00Z') : null,
  lastUsedAt: null,
  pendingExpiresAt: status === 'pending' ? at('2027-01-01T00:00:00Z') : null,
});

const event = (id: string, userId: string | null, type: AuditEvent['type'], when: string): AuditEvent => ({
  id,
  userId,
  type,
  at: at(when),
  ip: '192.0.2.1',
  userAgent: 'test',
  detail: { note: id },
});

const snapshot = (day: string, withTwoFactor: number): AdoptionSnapshot => ({
  day,
  takenAt: at(`${day}T03:00:00Z`),
  users: 10,
  withTwoFactor,
  byMethod: { totp: withTwoFactor },
});

describe.each(kinds)('report stores on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;

  beforeEach(async () => {
    database = await freshDatabase(kind);
    store = kyselyStore(database.db);
    for (const id of ['u1', 'u2', 'u3', 'u4']) await store.users.insertIfAbsent(user(id));
    await store.users.insertIfAbsent(user('u5', true));
  });
  afterEach(() => database.drop());

  /** An organization owned by `ownerId`, with `memberIds` as members, all since 1 January. */
  const organization = async (id: string, name: string, ownerId: string, ...memberIds: string[]) => {
    const joinedAt = at('2026-01-01T00:00:00Z');
    await store.organizations.create({ id, name, createdAt: joinedAt }, { userId: ownerId, joinedAt });
    for (const userId of memberIds) {
      await store.organizations.addMember({ organizationId: id, userId, role: 'member', joinedAt });
    }
  };

  describe('audit explorer', () => {
    beforeEach(async () => {
      await store.audit.append(event('e1', 'u1', 'sign_in_succeeded', '2026-03-01T10:00:00.000Z'));
      await store.audit.append(event('e2', 'u2', 'sign_in_failed', '2026-03-02T10:00:00.000Z'));
      // Three events in the same millisecond: the id breaks the tie, so no page loses or repeats one.
      await store.audit.append(event('e3', 'u1', 'sign_in_failed', '2026-03-03T10:00:00.000Z'));
      await store.audit.append(event('e4', 'u3', 'password_changed', '2026-03-03T10:00:00.000Z'));
      await store.audit.append(event('e5', null, 'sign_in_failed', '2026-03-03T10:00:00.000Z'));
      await store.audit.append(event('e6', 'u2', 'method_added', '2026-03-04T10:00:00.000Z'));
    });

    it('pages through every event newest first without losing or repeating one', async () => {
      const seen: string[] = [];
      let after = null;
      for (let page = 0; page < 10; page++) {
        const rows = await store.auditExplorer.search({}, { after, limit: 2 });
        if (rows.length === 0) break;
        seen.push(...rows.map((r) => r.id));
        const last = rows.at(-1);
        after = last ? { at: last.at, id: last.id } : null;
      }
      expect(seen).toEqual(['e6', 'e5', 'e4', 'e3', 'e2', 'e1']);
    });

    it('joins the e-mail address and keeps the detail', async () => {
      const [newest, ...rest] = await store.auditExplorer.search({}, { after: null, limit: 3 });
      expect(newest).toMatchObject({ id: 'e6', email: 'u2@example.com', detail: { note: 'e6' } });
      expect(rest.find((r) => r.id === 'e5')?.email).toBeNull();
    });

    it('filters by user, type and time range, all at once', async () => {
      const ids = async (filter: Parameters<Store['auditExplorer']['search']>[0]) =>
        (await store.auditExplorer.search(filter, { after: null, limit: 50 })).map((r) => r.id);
      expect(await ids({ userId: 'u1' })).toEqual(['e3', 'e1']);
      expect(await ids({ types: ['sign_in_failed'] })).toEqual(['e5', 'e3', 'e2']);
      expect(await ids({ types: ['sign_in_failed', 'method_added'] })).toEqual(['e6', 'e5', 'e3', 'e2']);
      expect(await ids({ types: [] })).toEqual([]);
      expect(await ids({ from: at('2026-03-02T10:00:00Z'), until: at('2026-03-04T10:00:00Z') })).toEqual([
        'e5',
        'e4',
        'e3',
        'e2',
      ]);
      expect(
        await ids({ userId: 'u1', types: ['sign_in_failed'], from: at('2026-03-03T00:00:00Z') }),
      ).toEqual(['e3']);
      expect(await ids({ userId: 'nobody' })).toEqual([]);
    });

    it('filters by organization: its members only', async () => {
      await organization('o1', 'Acme', 'u1', 'u3');
      const rows = await store.auditExplorer.search({ organizationId: 'o1' }, { after: null, limit: 50 });
      expect(rows.map((r) => r.id)).toEqual(['e4', 'e3', 'e1']);
      expect(await store.auditExplorer.search({ organizationId: 'o2' }, { after: null, limit: 50 })).toEqual(
        [],
      );
    });

    it('lists the event types that occur', async () => {
      expect(await store.auditExplorer.eventTypes()).toEqual([
        'method_added',
        'password_changed',
        'sign_in_failed',
        'sign_in_succeeded',
      ]);
    });
  });

  describe('adoption', () => {
    beforeEach(async () => {
      await store.methods.create(method('m1', 'u1', 'totp', 'active'));
      await store.methods.create(method('m2', 'u1', 'email', 'active'));
      await store.methods.create(method('m3', 'u2', 'sms', 'active'));
      await store.methods.create(method('m4', 'u3', 'totp', 'pending'));
      // A disabled account counts nowhere, whatever it has.
      await store.methods.create(method('m5', 'u5', 'totp', 'active'));
    });

    it('counts users with an active method, overall and per type', async () => {
      expect(await store.adoption.current()).toEqual({
        users: 4,
        withTwoFactor: 2,
        byMethod: { email: 1, sms: 1, totp: 1 },
      });
    });

    it('counts per organization, with empty ones as zero', async () => {
      await organization('oa', 'Acme', 'u1', 'u3');
      await organization('ob', 'Bolt', 'u2', 'u5', 'u4');
      await organization('oc', 'Calm', 'u4');
      const byOrganization = await store.adoption.byOrganization();
      expect(byOrganization.slice(0, 2)).toEqual([
        { organizationId: 'oa', name: 'Acme', users: 2, withTwoFactor: 1 },
        { organizationId: 'ob', name: 'Bolt', users: 2, withTwoFactor: 1 },
      ]);
      expect(byOrganization[2]).toEqual({ organizationId: 'oc', name: 'Calm', users: 1, withTwoFactor: 0 });
    });

    it('counts the users a deadline would stop, by allowed methods and organization', async () => {
      // u1: totp + email, u2: sms, u3: pending totp only, u4: nothing, u5: disabled.
      expect(await store.adoption.countNotReady({}, null)).toBe(2);
      expect(await store.adoption.countNotReady({}, ['totp'])).toBe(3);
      expect(await store.adoption.countNotReady({}, ['sms', 'email'])).toBe(2);
      expect(await store.adoption.countNotReady({}, [])).toBe(4);
      await organization('oa', 'Acme', 'u2', 'u4', 'u5');
      expect(await store.adoption.countNotReady({ organizationId: 'oa' }, null)).toBe(1);
      expect(await store.adoption.countNotReady({ organizationId: 'oa' }, ['totp'])).toBe(2);
    });

    it('keeps one snapshot per day, also when eight processes take it at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.adoption.recordSnapshot(snapshot('2026-03-01', i))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.adoption.recordSnapshot(snapshot('2026-03-02', 5))).toBe(true);
      expect(await store.adoption.recordSnapshot(snapshot('2026-03-04', 6))).toBe(true);
      const history = await store.adoption.history('2026-03-01', '2026-03-02');
      expect(history.map((s) => s.day)).toEqual(['2026-03-01', '2026-03-02']);
      expect(history[1]).toEqual(snapshot('2026-03-02', 5));
    });
  });
});
