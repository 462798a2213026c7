import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServer } from '../support/test-server.js';
import {
  type BrowserClient,
  isSignedIn,
  password,
  type Server,
  seedUser,
  signedInBrowser,
  textOf,
} from './page-client.js';

const laptop =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const phoneAgent =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let server: Server;
let userId: string;
let ann: BrowserClient;
let phone: BrowserClient;

beforeEach(async () => {
  server = await testServer();
  userId = (await seedUser(server)).id;
  ann = await signedInBrowser(server, 'ann@example.com', { seed: false, userAgent: laptop });
  server.clock.advance(5 * 60_000);
  phone = await signedInBrowser(server, 'ann@example.com', { seed: false, userAgent: phoneAgent });
  server.clock.advance(3 * 60_000);
});
afterEach(() => server.close());

const otherSessionId = async () =>
  (await server.deps.store.sessions.listForUser(userId)).find((s) => s.userAgent === phoneAgent)!.id;

describe('"Security and login"', () => {
  it('shows the account, two-factor status with the way to set it up, devices and activity', async () => {
    const { html } = await ann.open('/security');
    const text = textOf(html);
    expect(text).toContain('Security and login');
    expect(text).toContain('ann@example.com');
    expect(html).toContain('href="/security/password"');
    expect(html).toContain('<span class="badge badge-off">Off</span>');
    expect(html).toContain('href="/security/two-factor/setup"');
    expect(text).toContain('Set up two-factor authentication');
    expect(text).toMatch(/Chrome on Linux This device/);
    expect(text).toContain('Safari on iPhone');
    expect(text).toMatch(/Safari on iPhone Last active 3 minutes ago/);
    expect(text).toContain('203.0.113.10');
    expect(html.match(/action="\/security\/sessions\/[^"]+\/revoke"/g)).toHaveLength(1);
    expect(html).toContain('action="/security/sessions/revoke-others"');
    expect(text).toContain('Signed in');
    expect(html).toMatch(/<time datetime="2026-11-23T09:0\d:00.000Z" data-local="datetime">/);
  });

  it('lists methods and recovery codes when two-factor authentication is on', async () => {
    const createdAt = new Date('2026-10-01T08:00:00Z');
    const method = (id: string, type: string, label: string, lastUsedAt: Date | null) => ({
      id,
      userId,
      type,
      label,
      status: 'active' as const,
      secretSealed: null,
      destination: null,
      otp: null,
      lastUsedStep: null,
      createdAt,
      confirmedAt: createdAt,
      lastUsedAt,
      pendingExpiresAt: null,
    });
    const { store } = server.deps;
    await store.methods.create(method('m1', 'totp', 'Work phone', createdAt));
    // A stored type no factor knows (say, after a downgrade) still shows, as "Other method".
    await store.methods.create(method('m2', 'carrier-pigeon', '', null));
    await store.methods.setPrimaryId(userId, 'm1');
    await store.recoveryCodes.replace(userId, ['h1'], createdAt);
    const text = textOf((await ann.open('/security')).html);
    expect(text).toMatch(
      /Work phone Primary Authenticator app Added Oct 1, 2026 Last used Oct 1, 2026, 8:00 AM UTC/,
    );
    expect(text).toContain('Other method Added Oct 1, 2026 Not used yet');
    expect(text).toContain('1 recovery code left');
    expect(text).toContain('Add a method');
  });

  it('writes each security event as a sentence, and a type it does not know yet as "Security event"', async () => {
    await server.deps.store.audit.append({
      id: 'future',
      userId,
      type: 'something_new' as never,
      at: server.clock.now(),
      ip: '198.51.100.7',
      userAgent: phoneAgent,
      detail: {},
    });
    const text = textOf((await ann.open('/security', { 'accept-language': 'nl' })).html);
    expect(text).toContain('Beveiligingsgebeurtenis');
    expect(text).toContain('Ingelogd');
    expect(text).toContain('Safari op iPhone');
    expect(text).toContain('198.51.100.7');
  });
});

describe('signing other devices out', () => {
  it('asks for the password first, then signs the device out at once', async () => {
    const sessionId = await otherSessionId();
    const first = await ann.submitFrom('/security', `/security/sessions/${sessionId}/revoke`, {});
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/confirm-password?next=/security');
    expect(await isSignedIn(phone)).toBe(true);

    const confirm = await ann.open('/confirm-password?next=/security');
    expect(textOf(confirm.html)).toContain('Please confirm your password before continuing.');
    expect(confirm.html).toContain('autocomplete="current-password"');
    const confirmed = await ann.submit('/confirm-password?next=/security', { _csrf: confirm.csrf, password });
    expect(confirmed.headers.get('location')).toBe('/security');

    const second = await ann.submitFrom('/security', `/security/sessions/${sessionId}/revoke`, {});
    expect(second.headers.get('location')).toBe('/security?revoked=device');
    expect(await isSignedIn(phone)).toBe(false);
    expect((await phone.get('/security')).headers.get('location')).toBe('/sign-in?next=/security');
    const after = await ann.open('/security?revoked=device');
    expect(textOf(after.html)).toContain('The device was signed out.');
    expect(textOf(after.html)).toContain('Another device was signed out');
  });

  it('signs every other device out after the password', async () => {
    await ann.submitFrom('/confirm-password?next=/security', '/confirm-password?next=/security', {
      password,
    });
    const answer = await ann.submitFrom('/security', '/security/sessions/revoke-others', {});
    expect(answer.headers.get('location')).toBe('/security?revoked=others');
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(ann)).toBe(true);
    expect(textOf((await ann.open('/security')).html)).toContain(
      'You are not signed in on any other device.',
    );
  });

  it('answers an unknown or foreign session id calmly, changing nothing', async () => {
    await ann.submitFrom('/confirm-password?next=/security', '/confirm-password?next=/security', {
      password,
    });
    const answer = await ann.submitFrom('/security', '/security/sessions/nonexistent/revoke', {});
    expect(answer.headers.get('location')).toBe('/security?revoked=gone');
    expect(await isSignedIn(phone)).toBe(true);
  });
});

describe('confirm password', () => {
  it('refuses a wrong password with 403 next to the field', async () => {
    const answer = await ann.submitFrom(
      '/confirm-password?next=/security',
      '/confirm-password?next=/security',
      {
        password: 'not it',
      },
    );
    expect(answer.status).toBe(403);
    const html = await answer.text();
    expect(html).toContain('id="field-password-error" role="alert"');
    expect(textOf(html)).toContain('That password is not correct.');
  });

  it('answers 429 with the wait once the attempts are spent', async () => {
    let answer: Response | undefined;
    for (let i = 0; i < 11; i++) {
      answer = await ann.submitFrom('/confirm-password?next=/security', '/confirm-password?next=/security', {
        password: `not it ${i}`,
      });
    }
    expect(answer!.status).toBe(429);
    expect(textOf(await answer!.text())).toMatch(/Please wait \d+ minutes/);
  });
});

describe('change password', () => {
  it('changes it, keeps this device, signs the others out and says so', async () => {
    const form = await ann.open('/security/password');
    expect(form.html).toContain('autocomplete="current-password"');
    expect(form.html).toContain('autocomplete="new-password"');
    const answer = await ann.submit('/security/password', {
      _csrf: form.csrf,
      currentPassword: password,
      newPassword: 'a quiet walk by the river',
    });
    expect(answer.headers.get('location')).toBe('/security?changed=password');
    expect(await isSignedIn(ann)).toBe(true);
    expect(await isSignedIn(phone)).toBe(false);
    const page = await ann.open('/security?changed=password');
    expect(textOf(page.html)).toContain('Your password was changed. Your other devices were signed out.');
  });

  it('puts a wrong current password and a weak new one next to their fields', async () => {
    const wrong = await ann.submitFrom('/security/password', '/security/password', {
      currentPassword: 'not it',
      newPassword: 'a quiet walk by the river',
    });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('id="field-currentPassword-error" role="alert"');
    const weak = await ann.submitFrom('/security/password', '/security/password', {
      currentPassword: password,
      newPassword: 'short',
    });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain('id="field-newPassword-error" role="alert"');
    expect(await isSignedIn(phone)).toBe(true);
  });
});

describe('sign out', () => {
  it('ends the session on the server and says goodbye', async () => {
    const token = ann.jar.get('twostep_session')!;
    const answer = await ann.submitFrom('/security', '/sign-out', {});
    expect(answer.headers.get('location')).toBe('/sign-in?signed_out=1');
    expect(await isSignedIn(ann)).toBe(false);
    const replay = await server.app.request('http://localhost:3000/security', {
      headers: { cookie: `twostep_session=${token}` },
    });
    expect(replay.headers.get('location')).toBe('/sign-in?next=/security');
    expect(await isSignedIn(phone)).toBe(true);
  });
});
