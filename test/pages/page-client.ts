import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { hashToken } from '../../src/core/sessions/session-token.js';
import { type ApiClient, apiClient } from '../support/client.js';
import { password, seedUser } from '../support/seed-user.js';
import type { TestServer } from '../support/test-server.js';

/** Helpers for driving the pages in process, as a browser without JavaScript would. */

export type Server = TestServer;
export { password, seedUser };
export const sessionCookie = 'twostep_session';

const formType = { 'content-type': 'application/x-www-form-urlencoded' };

/** A browser: a cookie jar, our Origin on every request, and HTML forms. */
export function browserClient(server: Server, options: { userAgent?: string; ip?: string } = {}) {
  const client = apiClient(server.app, { browser: true, ...options });
  /** The page's HTML and the form token in it. */
  async function open(path: string, headers: Record<string, string> = {}) {
    const response = await client.get(path, headers);
    const html = await response.text();
    return { response, html, csrf: csrfIn(html) };
  }
  /** Submits a form the way a browser does; the caller decides what `_csrf` holds. */
  function submit(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return client.send('POST', path, new URLSearchParams(fields).toString(), { ...formType, ...headers });
  }
  /** Opens a page, then submits its form with the token the page carried. */
  async function submitFrom(pagePath: string, action: string, fields: Record<string, string>) {
    const { csrf } = await open(pagePath);
    return submit(action, { _csrf: csrf, ...fields });
  }
  return Object.assign(client, { open, submit, submitFrom });
}

export type BrowserClient = ReturnType<typeof browserClient>;

export function csrfIn(html: string): string {
  return html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
}

/** A browser signed in through the sign-in page. */
export async function signedInBrowser(
  server: Server,
  email = 'ann@example.com',
  options: { userAgent?: string; seed?: boolean } = {},
): Promise<BrowserClient> {
  if (options.seed !== false) await seedUser(server, email);
  const browser = browserClient(server, options);
  const answer = await browser.submitFrom('/sign-in', '/sign-in', { email, password });
  expect(answer.status).toBe(303);
  expect(answer.headers.get('location')).toBe('/security');
  return browser;
}

/** A browser holding a session that proved the password but still owes its second factor. */
export async function pendingBrowser(server: Server, userId: string): Promise<BrowserClient> {
  const token = randomBytes(32).toString('base64url');
  const now = server.clock.now();
  await server.deps.store.sessions.create({
    id: randomBytes(16).toString('base64url'),
    tokenHash: hashToken(token),
    userId,
    state: 'second_factor',
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 10 * 60_000),
    sudoUntil: null,
    userAgent: 'Mozilla/5.0 TestClient/1.0',
    ip: '203.0.113.10',
  });
  const browser = browserClient(server);
  browser.jar.set(sessionCookie, token);
  return browser;
}

/** The visible text of a page: tags dropped, entities left as they are. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

export function isSignedIn(client: ApiClient): Promise<boolean> {
  return client.get('/api/v1/me').then((r) => r.status === 200);
}
