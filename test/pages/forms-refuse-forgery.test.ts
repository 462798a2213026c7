import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServer } from '../support/test-server.js';
import {
  type BrowserClient,
  browserClient,
  isSignedIn,
  password,
  type Server,
  seedUser,
  signedInBrowser,
} from './page-client.js';

interface World {
  server: Server;
  /** Ann's browser: signed in, with the password confirmed a moment ago. */
  ann: BrowserClient;
  annPhone: BrowserClient;
  phoneSessionId: string;
  /** The end of the set-up: events from here on are the test's doing. */
  since: Date;
}

interface Case {
  name: string;
  action: (w: World) => string;
  fields: Record<string, string>;
  /** Who sends it: Ann's signed-in browser, or a stranger's. */
  from: 'ann' | 'stranger';
  changed: (w: World) => Promise<boolean>;
}

const newPassword = 'another quiet morning';
const signInWorks = async (w: World, pw: string) => {
  const probe = browserClient(w.server);
  const answer = await probe.submitFrom('/sign-in', '/sign-in', { email: 'ann@example.com', password: pw });
  return answer.status === 303;
};

const cases: Case[] = [
  {
    name: 'sign-up',
    action: () => '/sign-up',
    fields: { email: 'eve@example.com', password },
    from: 'stranger',
    changed: async (w) => (await w.server.deps.store.users.findByEmail('eve@example.com')) !== null,
  },
  {
    name: 'sign-in',
    action: () => '/sign-in',
    fields: { email: 'ann@example.com', password },
    from: 'stranger',
    changed: (w) => newEvent(w, 'sign_in_succeeded'),
  },
  {
    name: 'sign-out',
    action: () => '/sign-out',
    fields: {},
    from: 'ann',
    changed: async (w) => !(await isSignedIn(w.ann)),
  },
  {
    name: 'sign out another device',
    action: (w) => `/security/sessions/${w.phoneSessionId}/revoke`,
    fields: {},
    from: 'ann',
    changed: async (w) => !(await isSignedIn(w.annPhone)),
  },
  {
    name: 'sign out all other devices',
    action: () => '/security/sessions/revoke-others',
    fields: {},
    from: 'ann',
    changed: async (w) => !(await isSignedIn(w.annPhone)),
  },
  {
    name: 'confirm password',
    action: () => '/confirm-password?next=/security',
    fields: { password },
    from: 'ann',
    changed: (w) => newEvent(w, 'password_confirmed'),
  },
  {
    name: 'forgot password',
    action: () => '/forgot-password',
    fields: { email: 'ann@example.com' },
    from: 'stranger',
    changed: async (w) => (await w.server.deps.store.outbox.list(10)).length > 0,
  },
  {
    name: 'change password',
    action: () => '/security/password',
    fields: { currentPassword: password, newPassword },
    from: 'ann',
    changed: (w) => signInWorks(w, newPassword),
  },
];

async function annId(w: Pick<World, 'server'>) {
  return (await w.server.deps.store.users.findByEmail('ann@example.com'))?.id;
}

/** Whether Ann's trail holds an event of this type from after the set-up. */
async function newEvent(w: World, type: string) {
  const events = await w.server.deps.store.audit.listForUser((await annId(w))!, 50);
  return events.some((e) => e.type === type && e.at >= w.since);
}

describe('forms refuse forged posts and change nothing', () => {
  let w: World;
  beforeEach(async () => {
    const server = await testServer();
    await seedUser(server);
    const ann = await signedInBrowser(server, 'ann@example.com', { seed: false });
    const annPhone = await signedInBrowser(server, 'ann@example.com', {
      seed: false,
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile/15E148 Safari/604.1',
    });
    // Ann has just confirmed her password: a forged request would otherwise pass every other gate.
    expect((await ann.submitFrom('/confirm-password', '/confirm-password', { password })).status).toBe(303);
    const sessions = await server.deps.store.sessions.listForUser((await annId({ server }))!);
    const phoneSessionId = sessions.find((s) => s.userAgent.includes('iPhone'))!.id;
    // Later than every event of the set-up, so "confirmed again" is visible as a newer event.
    server.clock.advance(1000);
    w = { server, ann, annPhone, phoneSessionId, since: server.clock.now() };
  });
  afterEach(() => w.server.close());

  const sender = (c: Case) => (c.from === 'ann' ? w.ann : browserClient(w.server));

  it.each(cases)('$name without a form token: 403 page', async (c) => {
    const answer = await sender(c).submit(c.action(w), c.fields);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await answer.text()).toContain('This form has expired. Please try again.');
    expect(answer.headers.get('set-cookie') ?? '').not.toMatch(/twostep_session=[^;]/);
    expect(await c.changed(w)).toBe(false);
  });

  it.each(cases)('$name with another browser’s form token: 403', async (c) => {
    const { csrf } = await browserClient(w.server).open('/forgot-password');
    const answer = await sender(c).submit(c.action(w), { _csrf: csrf, ...c.fields });
    expect(answer.status).toBe(403);
    expect(await c.changed(w)).toBe(false);
  });

  it.each(cases)('$name from a foreign Origin, even with a good token: 403', async (c) => {
    const client = sender(c);
    const { csrf } = await client.open('/forgot-password');
    const answer = await client.submit(
      c.action(w),
      { _csrf: csrf, ...c.fields },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(answer.status).toBe(403);
    expect(await c.changed(w)).toBe(false);
  });

  it('the same forms work with their own token (the cases above are not vacuous)', async () => {
    for (const c of cases.filter((x) => x.name !== 'sign-out' && x.name !== 'sign out all other devices')) {
      const client = sender(c);
      const { csrf } = await client.open('/forgot-password');
      const answer = await client.submit(c.action(w), { _csrf: csrf, ...c.fields });
      expect(answer.status, c.name).toBe(303);
      expect(await c.changed(w), c.name).toBe(true);
    }
  });
});
