import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { testServer } from '../support/test-server.js';

/**
 * A test server listening on a real port, on every interface as `npm start` does, so that a client
 * connecting to 127.0.0.1 arrives as the IPv4-mapped peer `::ffff:127.0.0.1`, as behind a local nginx.
 */
export async function listeningServer(options: Parameters<typeof testServer>[0] = {}) {
  const server = await testServer(options);
  const http = serve({ fetch: server.app.fetch, port: 0 });
  if (!http.listening) await once(http, 'listening');
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    ...server,
    url,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.close();
    },
  };
}

/** A fetch client over the network with its own cookie jar; no Origin, like an API client. */
export function networkClient(url: string) {
  const jar = new Map<string, string>();
  return async function send(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [name = '', value = ''] = (line.split(';')[0] ?? '').split('=');
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name.trim());
      else jar.set(name.trim(), value.trim());
    }
    return response;
  };
}
