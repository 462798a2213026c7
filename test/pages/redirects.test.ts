import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer } from '../support/test-server.js';
import {
  type BrowserClient,
  browserClient,
  password,
  pendingBrowser,
  type Server,
  seedUser,
  signedInBrowser,
} from './page-client.js';

let server: Server;
let userId: string;
let ann: BrowserClient;

beforeAll(async () => {
  server = await testServer();
  userId = (await seedUser(server)).id;
  ann = await signedInBrowser(server, 'ann@example.com', { seed: false });
});
afterAll(() => server.close());

const foreign = [
  '//evil.example',
  'https://evil.example',
  '/\\evil.example',
  'javascript:alert(1)',
  '%2F%2Fevil.example',
];

describe('pages that need a full session', () => {
  it.each([
    ['/security', '/sign-in?next=/security'],
    ['/security/password', '/sign-in?next=/security/password'],
    ['/confirm-password?next=/security', '/sign-in?next=/confirm-password%3Fnext%3D/security'],
  ])('%s without a session sends to %s', async (path, target) => {
    const answer = await browserClient(server).get(path);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(target);
  });

  it.each(['/security', '/security/password', '/confirm-password?next=/security'])(
    '%s with a session still owing its second factor sends to sign-in too',
    async (path) => {
      const pending = await pendingBrowser(server, userId);
      const answer = await pending.get(path);
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toMatch(/^\/sign-in\?next=/);
      expect(await (await pending.open('/sign-in')).html).not.toContain('ann@example.com');
    },
  );

  it('a session owing its second factor cannot sign devices out either', async () => {
    const pending = await pendingBrowser(server, userId);
    const { csrf } = await pending.open('/sign-in');
    const answer = await pending.submit('/security/sessions/revoke-others', { _csrf: csrf });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/sign-in?next=/security');
    expect((await ann.get('/security')).status).toBe(200);
  });

  it('/ sends a visitor to sign in and a signed-in user to the security page', async () => {
    expect((await browserClient(server).get('/')).headers.get('location')).toBe('/sign-in');
    expect((await ann.get('/')).headers.get('location')).toBe('/security');
  });
});

describe('next= is only ever a path on this site', () => {
  it.each(foreign)('sign-in with next=%s lands on /security', async (next) => {
    const visitor = browserClient(server);
    const { csrf } = await visitor.open(`/sign-in?next=${encodeURIComponent(next)}`);
    const answer = await visitor.submit(`/sign-in?next=${encodeURIComponent(next)}`, {
      _csrf: csrf,
      email: 'ann@example.com',
      password,
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/security');
  });

  it('sign-in follows a path on this site', async () => {
    const visitor = browserClient(server);
    const form = await visitor.open('/sign-in?next=/security/password');
    expect(form.html).toContain('action="/sign-in?next=/security/password"');
    const answer = await visitor.submit('/sign-in?next=/security/password', {
      _csrf: form.csrf,
      email: 'ann@example.com',
      password,
    });
    expect(answer.headers.get('location')).toBe('/security/password');
  });

  it.each(foreign)('confirm-password with next=%s returns to /security', async (next) => {
    const path = `/confirm-password?next=${encodeURIComponent(next)}`;
    const form = await ann.open(path);
    expect(form.html).not.toContain('evil.example');
    const answer = await ann.submit(path, { _csrf: form.csrf, password });
    expect(answer.headers.get('location')).toBe('/security');
  });

  it.each(foreign)('the language switch with next=%s goes home', async (next) => {
    const answer = await browserClient(server).get(`/language?set=nl&next=${encodeURIComponent(next)}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/');
  });

  it('a signed-in visit to /sign-in with a foreign next stays here', async () => {
    const answer = await ann.get('/sign-in?next=//evil.example');
    expect(answer.headers.get('location')).toBe('/security');
  });
});
