import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningServer } from '../ops/listening-server.js';
import { apiClient } from '../support/client.js';
import { pendingSignIn, userWithTotp } from '../support/two-factor.js';

/**
 * Twostep behind a real nginx, with the snippets of examples/nginx included as they are: nginx
 * asks GET /auth/verify before each request and passes it to a tiny upstream that answers with
 * the Remote-* headers it received.
 */

const snippets = resolve(import.meta.dirname, '../../examples/nginx/snippets');
const site = 'panel.localhost';

function nginxBinary(): string | null {
  for (const path of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) {
    if (existsSync(path)) return path;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const nginx = nginxBinary();
// Installed by .ci/run; on a workstation without it the suite is skipped, in CI it fails.
const runs = nginx !== null || Boolean(process.env.CI);

async function freePort(): Promise<number> {
  const probe = createTcpServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

function nginxConfig(dir: string, port: number, upstream: number, twostep: string): string {
  return `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    server_name ${site};
    set $twostep_verify ${twostep}/auth/verify?redirect=401;
    include ${snippets}/twostep-verify-location.conf;
    include ${snippets}/twostep-sign-in-location.conf;
    location / {
      include ${snippets}/twostep-protect.conf;
      proxy_pass http://127.0.0.1:${upstream};
    }
  }
}`;
}

/** Answers with the Remote-* headers the proxy handed it, so the test sees what an application would. */
function echoUpstream(): Server {
  return createServer((req, res) => {
    const remote = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => name.startsWith('remote-')),
    );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url, remote }));
  });
}

interface Answer {
  status: number;
  location: string | undefined;
  body: string;
}

describe.runIf(runs)('forward auth behind a real nginx', () => {
  let proxyPort = 0;
  let upstream: Server;
  let proxy: ChildProcess | undefined;
  let twostep: Awaited<ReturnType<typeof listeningServer>>;
  let dir = '';

  /** A browser-style request to the protected site through nginx, with the Host a browser sends. */
  function visit(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return new Promise((done, fail) => {
      const req = request(
        { host: '127.0.0.1', port: proxyPort, path, headers: { host: `${site}:${proxyPort}`, ...headers } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += String(chunk);
          });
          res.on('end', () => done({ status: res.statusCode ?? 0, location: res.headers.location, body }));
        },
      );
      req.on('error', fail);
      req.end();
    });
  }

  beforeAll(async () => {
    if (!nginx) throw new Error('nginx is not installed: .ci/run installs it (apt-get install nginx)');
    dir = mkdtempSync(join(tmpdir(), 'twostep-nginx-'));
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, JSON.stringify({ rules: [{ host: site, allow: { anySignedIn: true } }] }));
    twostep = await listeningServer({
      env: {
        TWOSTEP_TRUSTED_PROXIES: '127.0.0.1',
        TWOSTEP_FORWARD_AUTH_DOMAINS: site,
        TWOSTEP_FORWARD_AUTH_RULES: rules,
      },
    });
    upstream = echoUpstream().listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    proxyPort = await freePort();
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
    const config = join(dir, 'nginx.conf');
    writeFileSync(config, nginxConfig(dir, proxyPort, (upstream.address() as AddressInfo).port, twostep.url));
    proxy = spawn(nginx, ['-p', dir, '-e', join(dir, 'error.log'), '-c', config], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (
        await visit('/').then(
          () => true,
          () => false,
        )
      )
        return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
  }, 60_000);

  afterAll(async () => {
    proxy?.kill('SIGQUIT');
    if (proxy && proxy.exitCode === null) await once(proxy, 'exit');
    await new Promise((done) => upstream?.close(done));
    await twostep?.close();
  });

  it('sends a browser without a session to sign in, with the page it asked for', async () => {
    const answer = await visit('/reports?year=2026', { accept: 'text/html', 'remote-user': 'admin' });
    expect(answer.status).toBe(302);
    const location = new URL(answer.location!);
    expect(`${location.origin}${location.pathname}`).toBe(`${twostep.deps.settings.publicUrl}/sign-in`);
    expect(location.searchParams.get('next')).toBe(`http://${site}:${proxyPort}/reports?year=2026`);
    expect(answer.body).not.toContain('remote');
    // An API client gets the 401 itself, and never the upstream.
    expect((await visit('/reports', { 'remote-user': 'admin' })).status).toBe(401);
  });

  it('passes a password + TOTP session with who it is, never what the client claims, until sign-out', async () => {
    const { app, email } = await userWithTotp(twostep, 'ann@example.com');
    const me = (await (await apiClient(twostep.app).get('/api/v1/me')).json()) as { id?: string };
    expect(me.id).toBeUndefined();
    const { client } = await pendingSignIn(twostep, email);
    const cookie = () => `twostep_session=${client.jar.get('twostep_session')}`;

    const halfway = await visit('/', { accept: 'text/html', cookie: cookie(), 'remote-user': 'admin' });
    expect(halfway.status).toBe(302);
    expect(halfway.body).not.toContain('admin');

    const done = await client.post('/api/v1/session/second-factor', { type: 'totp', code: app.code() });
    expect(done.status).toBe(200);
    const { id } = (await (await client.get('/api/v1/me')).json()) as { id: string };

    const forged = {
      'remote-user': 'admin',
      'remote-groups': 'Operators',
      'remote-email': 'root@evil.example',
    };
    const through = await visit('/dashboard', { accept: 'text/html', cookie: cookie(), ...forged });
    expect(through.status).toBe(200);
    expect(JSON.parse(through.body)).toEqual({
      path: '/dashboard',
      remote: { 'remote-user': id, 'remote-email': email, 'remote-name': email },
    });

    expect((await client.delete('/api/v1/session')).status).toBe(204);
    const after = await visit('/dashboard', { accept: 'text/html', cookie: cookie(), ...forged });
    expect(after.status).toBe(302);
    expect(after.body).not.toContain('remote-user');
  });
});
