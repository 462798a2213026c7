import type { Hono } from 'hono';
import { origin } from './test-server.js';

type App = { request: Hono['request'] };

/**
 * A client with its own cookie jar, talking to the app in process. By default it behaves like a
 * non-browser API client (no Origin); `browser: true` adds our Origin as a browser would.
 */
export function apiClient(app: App, options: { ip?: string; userAgent?: string; browser?: boolean } = {}) {
  const jar = new Map<string, string>();
  const env = { incoming: { socket: { remoteAddress: options.ip ?? '203.0.113.10' } } };

  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = {
      method,
      headers: {
        'user-agent': options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) TestClient/1.0',
        ...(options.browser ? { origin } : {}),
        ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    };
    const response = await app.request(`${origin}${path}`, init, env);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()),
      );
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value.trim());
    }
    return response;
  }

  return {
    jar,
    get: (path: string, headers?: Record<string, string>) => send('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) =>
      send('POST', path, body ?? {}, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) =>
      send('PUT', path, body ?? {}, headers),
    delete: (path: string, headers?: Record<string, string>) => send('DELETE', path, undefined, headers),
    send,
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
