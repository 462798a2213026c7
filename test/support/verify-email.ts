import { expect } from 'vitest';
import { issueVerificationLink, mailVerificationLink } from '../../src/app/accounts/verify-email.js';
import { outbox, type Server } from '../attacks/fixtures.js';
import { apiClient } from './client.js';

const linkPattern = /\/verify-email\?token=([A-Za-z0-9_-]+)/;

/** The token of the newest verification link mailed to `to`, read from the e-mail as its owner would. */
export async function verificationToken(server: Server, to: string): Promise<string | undefined> {
  const mails = (await outbox(server)).filter((m) => m.to === to && linkPattern.test(m.text));
  return mails.at(-1)?.text.match(linkPattern)?.[1];
}

/**
 * Proves `email` the way its owner does: opens the link from the outbox. An account put straight
 * into the store got no sign-up mail, so it is mailed one first, by the same code sign-up uses.
 */
export async function verifyAddress(server: Server, email: string): Promise<void> {
  let token = await verificationToken(server, email);
  if (!token) {
    const user = await server.deps.store.users.findByEmail(email);
    if (!user) throw new Error(`no account for ${email}`);
    const context = { ip: '203.0.113.10', userAgent: 'Test mail reader', locale: 'en' };
    const now = server.clock.now();
    const issued = await server.deps.store.transaction((tx) =>
      issueVerificationLink(tx, server.deps, { user, now, context }),
    );
    await mailVerificationLink(server.deps, user, issued);
    token = await verificationToken(server, email);
  }
  expect((await openVerificationLink(server, token!)).status).toBe(200);
}

/**
 * Opens a link as its owner does: the page, then its one button. Answers with the page that
 * button leads to, or with the page itself when it offers no button (expired, used, unknown).
 */
export async function openVerificationLink(
  server: Server,
  token: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const browser = apiClient(server.app, { browser: true });
  const page = await browser.get(`/verify-email?token=${token}`, headers);
  const html = await page.clone().text();
  const csrf = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  if (!html.includes('action="/verify-email"') || !csrf) return page;
  const form = new URLSearchParams({ _csrf: csrf, token }).toString();
  return browser.send('POST', '/verify-email', form, {
    'content-type': 'application/x-www-form-urlencoded',
    // A browser sends the site's own origin: the configured one, which a browser test sets.
    origin: new URL(server.deps.settings.publicUrl).origin,
    ...headers,
  });
}
