import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../attacks/fixtures.js';
import { testServer } from '../support/test-server.js';
import { openVerificationLink, verificationToken } from '../support/verify-email.js';
import { browserClient, type Server, signedInBrowser, textOf } from './page-client.js';

describe('proving the address through the pages', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('the security page asks calmly for the link, sends it again, and is quiet once it is opened', async () => {
    const ann = await signedInBrowser(server);
    const page = await ann.open('/security');
    expect(textOf(page.html)).toContain(
      'Confirm your e-mail address We sent a link to ann@example.com. Until you open it, you cannot invite people or accept invitations.',
    );
    const sent = await ann.submit('/security/email-verification', { _csrf: page.csrf });
    expect(sent.headers.get('location')).toBe('/security?verification=sent');
    expect(textOf((await ann.open('/security?verification=sent')).html)).toContain(
      'A new link is on its way to ann@example.com.',
    );
    const early = await ann.submit('/security/email-verification', { _csrf: page.csrf });
    expect(early.headers.get('location')).toBe('/security?verification=wait');
    expect((await outbox(server)).filter((m) => m.to === 'ann@example.com')).toHaveLength(1);

    const forged = await ann.submit('/security/email-verification', { _csrf: 'forged' });
    expect(forged.status).toBe(403);

    const token = (await verificationToken(server, 'ann@example.com'))!;
    const landing = await browserClient(server).open(`/verify-email?token=${token}`);
    expect(textOf(landing.html)).toContain('One click to confirm that ann@example.com is your address.');
    const done = await openVerificationLink(server, token);
    expect(done.status).toBe(200);
    expect(textOf(await done.text())).toContain('ann@example.com is confirmed.');
    expect(textOf((await ann.open('/security')).html)).not.toContain('Send the link again');
  });

  it('speaks Dutch on the landing page and in the notice', async () => {
    const ann = await signedInBrowser(server);
    const page = await ann.open('/security', { 'accept-language': 'nl' });
    expect(textOf(page.html)).toContain('Bevestig uw e-mailadres');
    await ann.submit('/security/email-verification', { _csrf: page.csrf });
    const token = await verificationToken(server, 'ann@example.com');
    server.clock.advance(24 * 60 * 60_000);
    const expired = await browserClient(server).open(`/verify-email?token=${token}`, {
      'accept-language': 'nl',
    });
    expect(expired.response.status).toBe(410);
    expect(textOf(expired.html)).toContain('Deze link is verlopen');
  });
});
