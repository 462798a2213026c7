import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { HttpEnv } from '../env.js';

interface Asset {
  body: string;
  type: string;
  version: string;
}

const load = (name: string, type: string, from = new URL(`./assets/${name}`, import.meta.url)): Asset => {
  const body = readFileSync(from, 'utf8');
  return { body, type, version: createHash('sha256').update(body).digest('hex').slice(0, 12) };
};

/** The browser half of WebAuthn, from the installed package: served by us, never from a CDN. */
const webauthnBrowserBundle = new URL(
  '../dist/bundle/index.umd.min.js',
  import.meta.resolve('@simplewebauthn/browser'),
);

// Read once at start: the files are part of the release, and their hash versions their URLs.
const assets: Record<string, Asset> = {
  'app.css': load('app.css', 'text/css; charset=utf-8'),
  'app.js': load('app.js', 'text/javascript; charset=utf-8'),
  'icon.svg': load('icon.svg', 'image/svg+xml'),
  'webauthn.js': load('webauthn.js', 'text/javascript; charset=utf-8'),
  'simplewebauthn-browser.js': load(
    'simplewebauthn-browser.js',
    'text/javascript; charset=utf-8',
    webauthnBrowserBundle,
  ),
};

/** The URL of an asset with its content hash, so it can be cached for a year and still change. */
export function assetUrl(
  name: 'app.css' | 'app.js' | 'icon.svg' | 'webauthn.js' | 'simplewebauthn-browser.js',
): string {
  return `/assets/${name}?v=${assets[name]!.version}`;
}

export function assetRoutes(app: Hono<HttpEnv>): void {
  app.get('/assets/:name', (c) => {
    const asset = Object.hasOwn(assets, c.req.param('name')) ? assets[c.req.param('name')] : undefined;
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, {
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
      etag: `"${asset.version}"`,
    });
  });
}
