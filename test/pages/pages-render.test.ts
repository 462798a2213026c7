import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Locale, locales } from '../../src/i18n/locales.js';
import { catalogs, translator } from '../../src/i18n/translate.js';
import { testServer } from '../support/test-server.js';
import { type BrowserClient, browserClient, type Server, signedInBrowser, textOf } from './page-client.js';

const acceptLanguage: Record<Locale, string> = {
  en: 'en-GB,en;q=0.9',
  nl: 'nl-NL,nl;q=0.9',
  sv: 'sv-SE,sv;q=0.9',
  'pt-BR': 'pt-BR,pt;q=0.9',
};

// Every key of every catalog, so a page that prints a key instead of its words is caught.
const keyPattern = new RegExp(
  `\\b(${[...new Set(Object.keys(catalogs.en).map((k) => k.split('.')[0]))].join('|')})\\.[a-zA-Z_]+`,
);

let server: Server;
let signedIn: BrowserClient;
let resetPath: string;

beforeAll(async () => {
  server = await testServer();
  signedIn = await signedInBrowser(server);
  const visitor = browserClient(server);
  await visitor.submitFrom('/forgot-password', '/forgot-password', { email: 'ann@example.com' });
  const [mail] = await server.deps.store.outbox.list(1);
  resetPath = mail!.text.match(/\/reset-password\?token=[\w-]+/)![0];
});
afterAll(() => server.close());

const anonymousPages = ['/sign-in', '/sign-up', '/forgot-password', '/forgot-password?sent=1', '/dev/outbox'];
const signedInPages = ['/security', '/confirm-password?next=/security', '/security/password'];

async function render(path: string, locale: Locale) {
  const client = signedInPages.includes(path) ? signedIn : browserClient(server);
  const page = path === 'reset' ? resetPath : path;
  return client.open(page, { 'accept-language': acceptLanguage[locale] });
}

describe.each(locales)('every page in %s', (locale) => {
  const t = translator(locale);

  it.each([...anonymousPages, ...signedInPages, 'reset'])(
    '%s answers 200 in the language, with its words',
    async (path) => {
      const { response, html } = await render(path, locale);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(html.startsWith('<!doctype html><html lang="')).toBe(true);
      expect(html).toContain(`<html lang="${locale}">`);
      expect(textOf(html)).not.toMatch(keyPattern);
      expect(textOf(html)).toContain(t('layout.footerNote'));
    },
  );

  it('calls the security page by the name the help pages use', async () => {
    const { html } = await render('/security', locale);
    expect(html).toContain(`<h1 class="page-title">${t('security.title')}</h1>`);
  });
});

describe('page structure', () => {
  it.each([...anonymousPages, ...signedInPages, 'reset'])(
    '%s has one h1, landmarks, labelled inputs and no inline code',
    async (path) => {
      const { html } = await render(path, 'en');
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(html).toMatch(/<header class="site-header">/);
      expect(html.match(/<main[\s>]/g)).toHaveLength(1);
      expect(html).toMatch(/<footer class="site-footer">/);
      expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
      // The CSP forbids inline script, inline style and handler attributes: none may be written.
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/\sstyle=/);
      expect(html).not.toMatch(/<style[\s>]/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      for (const [, id] of html.matchAll(
        /<input(?![^>]*type="hidden")(?![^>]*\shidden)[^>]*\sid="([^"]+)"/g,
      )) {
        expect(html, `a label for #${id}`).toContain(`<label class="field-label" for="${id}">`);
      }
    },
  );

  it('marks the current language in the switcher and names each in its own words', async () => {
    const { html } = await render('/sign-in', 'sv');
    expect(html).toContain('aria-current="true">Svenska</a>');
    expect(html).toContain('lang="nl" hreflang="nl">Nederlands</a>');
    expect(html).toContain('lang="pt-BR" hreflang="pt-BR">Português (Brasil)</a>');
    expect(html).toContain('href="/language?set=en&amp;next=/sign-in"');
  });

  it('serves its stylesheet, script and icon itself, with their types and a long cache', async () => {
    const { html } = await render('/sign-in', 'en');
    const css = html.match(/href="(\/assets\/app\.css\?v=[0-9a-f]+)"/)![1]!;
    const js = html.match(/src="(\/assets\/app\.js\?v=[0-9a-f]+)"/)![1]!;
    for (const [path, type] of [
      [css, 'text/css; charset=utf-8'],
      [js, 'text/javascript; charset=utf-8'],
      ['/assets/icon.svg', 'image/svg+xml'],
    ]) {
      const response = await server.app.request(`http://localhost:3000${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await server.app.request('http://localhost:3000/assets/../../package.json')).status).toBe(404);
    expect((await server.app.request('http://localhost:3000/assets/secret.key')).status).toBe(404);
  });
});
