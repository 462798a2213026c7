import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anotherDevice,
  password,
  resetToken,
  type Server,
  sessionCookie,
  sessionCookieSet,
  signedInUser,
  tokenOf,
} from '../attacks/fixtures.js';
import type { ApiClient } from '../support/client.js';
import { storeKinds } from '../support/databases.js';
import { origin, testServer } from '../support/test-server.js';

/**
 * Every POST/DELETE endpoint gets malformed, mistyped, oversized and oddly encoded input. Each must
 * answer 4xx problem+json with a `code`, never 5xx, and leave everything as it was.
 */

interface World {
  server: Server;
  victim: ApiClient;
  phone: ApiClient;
  phoneSessionId: string;
  resetToken: string;
}

interface Endpoint {
  path: string;
  fields: string[];
  /** A body that would succeed, so that each bad case differs from success by one defect. */
  valid(w: World): Record<string, string>;
}

interface BadCase {
  name: string;
  body(valid: Record<string, string>): string;
  contentType?: string | null;
}

const newPassword = 'a brand new passphrase';

const endpoints: Endpoint[] = [
  {
    path: '/api/v1/accounts',
    fields: ['email', 'password'],
    valid: () => ({ email: 'new@example.com', password: 'a fresh long passphrase' }),
  },
  {
    path: '/api/v1/session',
    fields: ['email', 'password'],
    valid: () => ({ email: 'ann@example.com', password }),
  },
  { path: '/api/v1/me/confirm-password', fields: ['password'], valid: () => ({ password }) },
  {
    path: '/api/v1/me/password',
    fields: ['currentPassword', 'newPassword'],
    valid: () => ({ currentPassword: password, newPassword }),
  },
  { path: '/api/v1/password-reset', fields: ['email'], valid: () => ({ email: 'ann@example.com' }) },
  {
    path: '/api/v1/password-reset/complete',
    fields: ['token', 'password'],
    valid: (w) => ({ token: w.resetToken, password: newPassword }),
  },
];

const json = JSON.stringify;
const without = (valid: Record<string, string>, field: string) =>
  Object.fromEntries(Object.entries(valid).filter(([k]) => k !== field));

const wholeBodies: BadCase[] = [
  { name: 'invalid JSON', body: () => '{"email": "ann@example.com",' },
  { name: 'an empty body', body: () => '' },
  { name: 'a JSON array', body: (v) => json([v]) },
  { name: 'JSON null', body: () => 'null' },
  { name: 'a JSON string', body: (v) => json(json(v)) },
  { name: 'a JSON number', body: () => '1e999999' },
  { name: 'an empty object', body: () => '{}' },
  { name: 'fields smuggled in __proto__', body: (v) => `{"__proto__": ${json(v)}}` },
  { name: 'fields smuggled in constructor.prototype', body: (v) => json({ constructor: { prototype: v } }) },
  { name: 'deeply nested JSON', body: () => `${'['.repeat(30_000)}${']'.repeat(30_000)}` },
  { name: 'a 200 KB body', body: (v) => json({ ...v, padding: 'x'.repeat(200_000) }) },
  { name: 'text/plain', body: json, contentType: 'text/plain' },
  {
    name: 'a form body',
    body: (v) => new URLSearchParams(v).toString(),
    contentType: 'application/x-www-form-urlencoded',
  },
  { name: 'no content type', body: json, contentType: null },
  {
    name: 'a multipart body',
    body: () => '--x\r\n\r\n--x--',
    contentType: 'multipart/form-data; boundary=x',
  },
];

const wrongTypes: Array<[string, unknown]> = [
  ['a number', 12345678],
  ['an object', { $ne: null }],
  ['an array', ['ann@example.com']],
  ['null', null],
  ['true', true],
];

// Escaped by JSON.stringify exactly as an attacker would write them: "\u0000", "\ud800".
const oddStrings: Array<[string, string]> = [
  ['an empty string', ''],
  ['a NUL byte', '\u0000'],
  ['a lone surrogate', '\ud800'],
  ['a reversed surrogate pair', '\ude00\ud83d'],
  ['RTL marks', '\u202e\u200f'],
  ['an emoji', '🦊'],
];

function fieldCases(field: string): BadCase[] {
  return [
    { name: `${field} missing`, body: (v) => json(without(v, field)) },
    ...wrongTypes.map(([label, value]) => ({
      name: `${field} as ${label}`,
      body: (v: Record<string, string>) => json({ ...v, [field]: value }),
    })),
    { name: `${field} of 1 MB`, body: (v) => json({ ...v, [field]: 'x'.repeat(1_000_000) }) },
    ...oddStrings.map(([label, value]) => ({
      name: `${field} as ${label}`,
      body: (v: Record<string, string>) => json({ ...v, [field]: value }),
    })),
  ];
}

/** A request as the victim's browser would send it, with the body as exact bytes. */
function sendRaw(
  w: World,
  method: string,
  path: string,
  body: string | undefined,
  contentType?: string | null,
) {
  const headers: Record<string, string> = { cookie: `${sessionCookie}=${tokenOf(w.victim)}` };
  if (contentType !== null) headers['content-type'] = contentType ?? 'application/json';
  return w.server.app.request(
    `${origin}${path}`,
    {
      method,
      headers,
      // Bytes, not a string: a string body would get a text/plain type the test did not choose.
      ...(body === undefined ? {} : { body: new TextEncoder().encode(body) }),
    },
    { incoming: { socket: { remoteAddress: '203.0.113.10' } } },
  );
}

/** The victim is signed in on two devices; `sudo` lets only the bad input stop a revocation. */
async function world(kind: 'sqlite' | 'postgres', sudo: boolean): Promise<World> {
  const server = await testServer({ kind });
  const victim = await signedInUser(server);
  const phone = await anotherDevice(server);
  if (sudo) expect((await victim.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  const sessions = (await (await victim.get('/api/v1/me/sessions')).json()) as Array<{
    id: string;
    current: boolean;
  }>;
  const phoneSessionId = sessions.find((s) => !s.current)!.id;
  return { server, victim, phone, phoneSessionId, resetToken: await resetToken(server) };
}

/**
 * Everything a bad request could have changed, read from the store: far cheaper and more exact
 * than proving it by signing in again (each sign-in costs an argon2 hash).
 */
async function snapshot(w: World) {
  const { store } = w.server.deps;
  const users = await store.users.list({ limit: 100, offset: 0 });
  const sessions = await Promise.all(users.map((u) => store.sessions.listForUser(u.id)));
  return {
    users: users.map((u) => [u.id, u.email, u.passwordHash, u.disabledAt?.toISOString() ?? null]).sort(),
    sessions: sessions
      .flat()
      .map((s) => [s.id, s.tokenHash, s.state, s.sudoUntil?.toISOString() ?? null])
      .sort(),
    mails: (await store.outbox.list(1000)).length,
  };
}

async function expectRefusedAndUnchanged(
  w: World,
  answer: Response,
  before: Awaited<ReturnType<typeof snapshot>>,
) {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await answer.json()) as { status: number; code: string };
  expect(problem.status).toBe(answer.status);
  expect(problem.code).toMatch(/^[a-z_]+$/);
  expect(sessionCookieSet(answer)).toBeUndefined();
  expect(await snapshot(w)).toEqual(before);
  expect((await w.victim.get('/api/v1/me')).status).toBe(200);
  expect((await w.phone.get('/api/v1/me')).status).toBe(200);
}

// The shape checks answer before any store is reached, so one store suffices for them.
describe.each(endpoints)('bad input on POST $path', (endpoint) => {
  let w: World;
  beforeAll(async () => {
    w = await world('sqlite', false);
  });
  afterAll(() => w.server.close());

  const cases = [...wholeBodies, ...endpoint.fields.flatMap(fieldCases)];
  it.each(cases)('refuses $name, changing nothing', async (c) => {
    const before = await snapshot(w);
    const answer = await sendRaw(w, 'POST', endpoint.path, c.body(endpoint.valid(w)), c.contentType);
    await expectRefusedAndUnchanged(w, answer, before);
  });
});

// Well-shaped values with odd text do reach the store, and PostgreSQL refuses some text SQLite keeps.
describe.each(await storeKinds())('odd text on %s', (kind) => {
  describe('values that reach the store, and bodies where none belongs', () => {
    let w: World;
    beforeAll(async () => {
      w = await world(kind, true);
    });
    afterAll(() => w.server.close());

    const odd: Array<[string, string, Record<string, string>]> = [
      [
        'an address without @',
        '/api/v1/accounts',
        { email: 'annexample.com', password: 'a fresh long passphrase' },
      ],
      [
        'a NUL in the address',
        '/api/v1/accounts',
        { email: 'new\u0000@example.com', password: 'a fresh long passphrase' },
      ],
      [
        'a lone surrogate in the address',
        '/api/v1/accounts',
        { email: 'new\ud800@example.com', password: 'a fresh long passphrase' },
      ],
      [
        'an RTL override in the address',
        '/api/v1/accounts',
        { email: '\u202emoc.elpmaxe@wen', password: 'a fresh long passphrase' },
      ],
      [
        'a line break in the address',
        '/api/v1/accounts',
        { email: 'new\n@example.com', password: 'a fresh long passphrase' },
      ],
      [
        'a lone surrogate in the password',
        '/api/v1/accounts',
        { email: 'new@example.com', password: 'a fresh long\ud800 passphrase' },
      ],
      ['a NUL in the sign-in address', '/api/v1/session', { email: 'ann@example.com\u0000', password }],
      [
        'a lone surrogate in the sign-in address',
        '/api/v1/session',
        { email: 'ann\udfff@example.com', password },
      ],
      ['a NUL in the reset address', '/api/v1/password-reset', { email: 'ann@example.com\u0000' }],
      ['a lone surrogate in the reset address', '/api/v1/password-reset', { email: 'ann@example.com\ud800' }],
      [
        'a lone surrogate in the new password',
        '/api/v1/me/password',
        { currentPassword: password, newPassword: `${newPassword}\ud800` },
      ],
    ];
    it.each(odd)('refuses %s (%s)', async (_name, path, body) => {
      const before = await snapshot(w);
      await expectRefusedAndUnchanged(w, await sendRaw(w, 'POST', path, json(body)), before);
    });

    it('refuses a lone surrogate in the reset password without spending the link', async () => {
      const before = await snapshot(w);
      const body = json({ token: w.resetToken, password: `${newPassword}\udc00` });
      await expectRefusedAndUnchanged(
        w,
        await sendRaw(w, 'POST', '/api/v1/password-reset/complete', body),
        before,
      );
    });

    it.each([
      ['a NUL', '%00'],
      ['an encoded lone surrogate', '%ED%A0%80'],
      ['invalid percent-encoding', '%E0%A4%A'],
      ['an emoji', '%F0%9F%A6%8A'],
      ['a path traversal', '..%2F..%2Fsession'],
      ['a 65-character id', 'a'.repeat(65)],
      ['a real id with a NUL after it', 'PHONE%00'],
      ['SQL', "x'%20OR%20'1'%3D'1"],
    ])('refuses to revoke a session id with %s', async (_name, id) => {
      const before = await snapshot(w);
      const answer = await sendRaw(
        w,
        'DELETE',
        `/api/v1/me/sessions/${id.replace('PHONE', w.phoneSessionId)}`,
        undefined,
        null,
      );
      await expectRefusedAndUnchanged(w, answer, before);
    });

    it.each([
      ['invalid JSON', '{"ended":'],
      ['a JSON array', '[{"all": true}]'],
      ['a 200 KB body', 'x'.repeat(200_000)],
      ['a 1 MB body', json({ ids: 'x'.repeat(1_000_000) })],
    ])('refuses revoke-others without sudo whatever the body (%s)', async (_name, body) => {
      const other = await anotherDevice(w.server);
      const before = await snapshot(w);
      const answer = await w.server.app.request(`${origin}/api/v1/me/sessions/revoke-others`, {
        method: 'POST',
        headers: { cookie: `${sessionCookie}=${tokenOf(other)}`, 'content-type': 'application/json' },
        body,
      });
      await expectRefusedAndUnchanged(w, answer, before);
    });

    it.each([
      ['a 200 KB body', 'x'.repeat(200_000)],
      ['a 1 MB body', json({ all: 'x'.repeat(1_000_000) })],
    ])('refuses sign-out with %s without signing out', async (_name, body) => {
      const before = await snapshot(w);
      await expectRefusedAndUnchanged(w, await sendRaw(w, 'DELETE', '/api/v1/session', body), before);
    });
  });
});

describe('the reset link after all that', () => {
  it('still works: no bad request spent it', async () => {
    const w = await world('sqlite', false);
    for (const field of ['token', 'password']) {
      for (const c of fieldCases(field)) {
        await sendRaw(
          w,
          'POST',
          '/api/v1/password-reset/complete',
          c.body({ token: w.resetToken, password: newPassword }),
        );
      }
    }
    const answer = await sendRaw(
      w,
      'POST',
      '/api/v1/password-reset/complete',
      json({ token: w.resetToken, password: newPassword }),
    );
    expect(answer.status).toBe(204);
    await w.server.close();
  });
});
