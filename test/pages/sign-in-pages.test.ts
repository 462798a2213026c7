import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testServer } from '../support/test-server.js';
import {
  browserClient,
  isSignedIn,
  password,
  type Server,
  seedUser,
  sessionCookie,
  signedInBrowser,
  textOf,
} from './page-client.js';

let server: Server;
beforeEach(async () => {
  server = await testServer();
});
afterEach(() => server.close());

describe('sign-in page', () => {
  it('answers a wrong password with an announced message tied to the fields, keeping the address only', async () => {
    await seedUser(server);
    const visitor = browserClient(server);
    const answer = await visitor.submitFrom('/sign-in', '/sign-in', {
      email: 'ann@example.com',
      password: 'not my password at all',
    });
    expect(answer.status).toBe(401);
    const html = await answer.text();
    expect(html).toMatch(/<div class="alert alert-error" role="alert" id="form-error">/);
    expect(html).toContain('The e-mail address or password is not correct.');
    expect(html).toMatch(/id="field-email"[^>]*value="ann@example.com"/);
    expect(html).toMatch(/id="field-password"[^>]*aria-describedby="form-error"/);
    expect(html).not.toContain('not my password at all');
    expect(visitor.jar.has(sessionCookie)).toBe(false);
  });

  it('says which field is missing, next to that field', async () => {
    const answer = await browserClient(server).submitFrom('/sign-in', '/sign-in', {
      email: '',
      password: '',
    });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(html).toMatch(/aria-invalid="true" aria-describedby="field-email-error"/);
    expect(html).toContain('<p class="field-error" id="field-email-error" role="alert">');
    expect(textOf(html)).toContain('Enter your e-mail address.');
  });

  it('tells how long to wait when attempts run out, with Retry-After', async () => {
    await seedUser(server);
    const visitor = browserClient(server);
    let answer: Response | undefined;
    for (let i = 0; i < 11; i++) {
      answer = await visitor.submitFrom('/sign-in', '/sign-in', {
        email: 'ann@example.com',
        password: `wrong ${i}`,
      });
    }
    expect(answer!.status).toBe(429);
    expect(Number(answer!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(textOf(await answer!.text())).toMatch(
      /Too many attempts\. Please wait \d+ minutes and try again\./,
    );
  });

  it('signs in, sets an HttpOnly session cookie and renews any session the browser held', async () => {
    await seedUser(server);
    const visitor = browserClient(server);
    const { csrf } = await visitor.open('/sign-in');
    visitor.jar.set(sessionCookie, 'a-planted-session-token');
    const answer = await visitor.submit('/sign-in', { _csrf: csrf, email: 'ann@example.com', password });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('set-cookie')).toMatch(/twostep_session=[\w-]{20,}; .*HttpOnly.*SameSite=Lax/i);
    expect(visitor.jar.get(sessionCookie)).not.toBe('a-planted-session-token');
    expect(await isSignedIn(visitor)).toBe(true);
  });

  it('sends a user with two-factor authentication to the second step', async () => {
    const user = await seedUser(server);
    const at = server.clock.now();
    await server.deps.store.methods.create({
      id: 'm1',
      userId: user.id,
      type: 'totp',
      label: 'Phone',
      status: 'active',
      secretSealed: null,
      destination: null,
      otp: null,
      lastUsedStep: null,
      createdAt: at,
      confirmedAt: at,
      lastUsedAt: null,
      pendingExpiresAt: null,
    });
    const answer = await browserClient(server).submitFrom('/sign-in', '/sign-in', {
      email: 'ann@example.com',
      password,
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/sign-in/second-factor');
  });
});

describe('sign-up page', () => {
  it('creates the account and asks to sign in, without signing in', async () => {
    const visitor = browserClient(server);
    const form = await visitor.open('/sign-up');
    expect(form.html).toContain('autocomplete="new-password"');
    expect(form.html).toContain(
      'At least 8 characters. A short sentence is easy to remember and hard to guess.',
    );
    const answer = await visitor.submit('/sign-up', { _csrf: form.csrf, email: 'ann@example.com', password });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/sign-in?created=1');
    expect(visitor.jar.has(sessionCookie)).toBe(false);
    const notice = await visitor.open('/sign-in?created=1');
    expect(notice.html).toContain('role="status"');
    expect(textOf(notice.html)).toContain('Your account is ready. You can sign in now.');
  });

  it('answers an address that already has an account exactly like a new one', async () => {
    await seedUser(server);
    const answer = await browserClient(server).submitFrom('/sign-up', '/sign-up', {
      email: 'ANN@example.com',
      password: 'another long phrase here',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/sign-in?created=1');
    const [mail] = await server.deps.store.outbox.list(1);
    expect(mail?.subject).toBe('Someone tried to create an account with your address');
  });

  it('refuses a common password next to the password field, keeping the address', async () => {
    const answer = await browserClient(server).submitFrom('/sign-up', '/sign-up', {
      email: 'ann@example.com',
      password: 'password123',
    });
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(html).toContain('id="field-password-error" role="alert"');
    expect(html).toMatch(
      /id="field-password"[^>]*aria-describedby="field-password-hint field-password-error"/,
    );
    expect(html).toMatch(/value="ann@example.com"/);
    expect(html).not.toContain('password123');
  });

  it('says sign-up is closed when the operator closed it, and the sign-in page stops offering it', async () => {
    await server.close();
    server = await testServer({ env: { TWOSTEP_SIGNUP: 'closed' } });
    const visitor = browserClient(server);
    const page = await visitor.open('/sign-up');
    expect(page.response.status).toBe(403);
    expect(textOf(page.html)).toContain('New accounts cannot be created here.');
    expect(page.html).not.toContain('<form method="post" action="/sign-up"');
    expect((await visitor.open('/sign-in')).html).not.toContain('href="/sign-up"');
    const answer = await visitor.submit('/sign-up', { _csrf: page.csrf, email: 'eve@example.com', password });
    expect(answer.status).toBe(403);
    expect(await server.deps.store.users.findByEmail('eve@example.com')).toBeNull();
  });
});

describe('forgotten password', () => {
  it('answers the same for a known and an unknown address', async () => {
    await seedUser(server);
    const known = await browserClient(server).submitFrom('/forgot-password', '/forgot-password', {
      email: 'ann@example.com',
    });
    const unknown = await browserClient(server).submitFrom('/forgot-password', '/forgot-password', {
      email: 'nobody@example.com',
    });
    expect(known.status).toBe(303);
    expect(unknown.status).toBe(303);
    expect(known.headers.get('location')).toBe(unknown.headers.get('location'));
    const sent = await browserClient(server).open(known.headers.get('location')!);
    expect(textOf(sent.html)).toContain(
      'If an account exists for that address, we sent a link. It is valid for 30 minutes.',
    );
  });

  it('resets with the e-mailed link, signs nobody in, and the link works once', async () => {
    await seedUser(server);
    const phone = await signedInBrowser(server, 'ann@example.com', { seed: false });
    const visitor = browserClient(server);
    await visitor.submitFrom('/forgot-password', '/forgot-password', { email: 'ann@example.com' });
    const [mail] = await server.deps.store.outbox.list(1);
    const link = mail!.text.match(/\/reset-password\?token=[\w-]+/)![0];
    const form = await visitor.open(link);
    expect(form.html).toContain('ann@example.com');
    expect(form.html).toMatch(/<input type="hidden" name="token" value="[\w-]+"\/>/);
    const token = link.split('=')[1]!;
    const answer = await visitor.submit('/reset-password', {
      _csrf: form.csrf,
      token,
      password: 'a brand new phrase',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/sign-in?reset=1');
    expect(visitor.jar.has(sessionCookie)).toBe(false);
    expect(await isSignedIn(phone)).toBe(false);
    const again = await visitor.open(link);
    expect(again.response.status).toBe(400);
    expect(again.html).toContain('href="/forgot-password"');
    expect(textOf(again.html)).toContain('This reset link is no longer valid. Request a new one.');
  });

  it.each(['', 'short', 'x'.repeat(200), 'not-a-real-token-but-long-enough-1234'])(
    'shows a helpful page for the token %j',
    async (token) => {
      const page = await browserClient(server).open(`/reset-password?token=${token}`);
      expect(page.response.status).toBe(400);
      expect(page.html).toContain('<h1 class="card-title">This link no longer works</h1>');
    },
  );
});

describe('language', () => {
  it('remembers the choice in a cookie and, when signed in, on the account', async () => {
    const user = await seedUser(server);
    const ann = await signedInBrowser(server, 'ann@example.com', { seed: false });
    const answer = await ann.get('/language?set=sv&next=/security', { 'sec-fetch-site': 'same-origin' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/security');
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^twostep_lang=sv;/);
    expect(cookie).toMatch(/Max-Age=31536000/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect((await server.deps.store.users.findById(user.id))?.locale).toBe('sv');
    const page = await ann.open('/security', { 'accept-language': 'en' });
    expect(page.html).toContain('<html lang="sv">');
    expect(page.html).toContain('Säkerhet och inloggning');
  });

  it('does not change the language of the mails from a link on another site', async () => {
    const user = await seedUser(server);
    const ann = await signedInBrowser(server, 'ann@example.com', { seed: false });
    const answer = await ann.get('/language?set=nl&next=/security', { 'sec-fetch-site': 'cross-site' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('set-cookie')).toMatch(/^twostep_lang=nl;/);
    expect((await server.deps.store.users.findById(user.id))?.locale).not.toBe('nl');
  });

  it('ignores a language it does not have', async () => {
    const answer = await browserClient(server).get('/language?set=de&next=/sign-in');
    expect(answer.headers.get('location')).toBe('/sign-in');
    expect(answer.headers.get('set-cookie') ?? '').not.toMatch(/twostep_lang/);
  });
});

describe('development outbox page', () => {
  it('lists messages with their text escaped and web links clickable', async () => {
    await server.deps.store.outbox.add({
      id: 'm1',
      channel: 'email',
      to: 'ann@example.com',
      subject: 'Hello <b>there</b>',
      text: 'Open https://localhost:3000/reset-password?token=abc now <script>alert(1)</script>',
      html: null,
      sentAt: server.clock.now(),
    });
    const page = await browserClient(server).open('/dev/outbox');
    expect(page.response.status).toBe(200);
    expect(page.html).toContain('Hello &lt;b&gt;there&lt;/b&gt;');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).toContain(
      '<a href="https://localhost:3000/reset-password?token=abc">https://localhost:3000/reset-password?token=abc</a>',
    );
  });

  it('does not exist when real mail is configured', async () => {
    await server.close();
    server = await testServer({
      env: {
        TWOSTEP_SMTP_URL: 'smtp://127.0.0.1:2525',
        TWOSTEP_SMS_PROVIDER: 'webhook',
        TWOSTEP_SMS_WEBHOOK_URL: 'http://127.0.0.1:9/sms',
        TWOSTEP_SMS_WEBHOOK_SECRET: 'w'.repeat(32),
      },
    });
    expect((await browserClient(server).get('/dev/outbox')).status).toBe(404);
  });
});
