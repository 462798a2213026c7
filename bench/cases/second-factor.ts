import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchCase } from '../bench-case.js';
import type { BenchServer } from '../support/bench-server.js';
import { benchPassword } from '../support/bench-server.js';
import { benchAddress } from '../support/bench-users.js';
import { measureHttp } from '../support/load.js';
import {
  createTotpUsers,
  freshCode,
  pendingSecondFactorCookie,
  type TotpUser,
} from '../support/totp-users.js';

const accounts = 3000;
/** Sign-ins finished before the measurement, so it times the JIT-compiled path, not the warm-up. */
const warmUp = 500;
const path = '/api/v1/session/second-factor';

/**
 * POST /api/v1/session/second-factor with a right TOTP code, replay protection on. Each request
 * finishes its own pending sign-in, of its own account, with a code never used before: a code is
 * accepted once, and one request per account keeps the per-account limit (10 per 15 minutes) out
 * of the figure. The password step (argon2id) happens before the measurement, not inside it.
 */
export const secondFactorCase: BenchCase = {
  name: 'second-factor',
  summary: `POST ${path} over ${accounts} accounts with an authenticator (one request each)`,
  async run(context) {
    const { server } = context;
    process.stdout.write(`  turning 2FA on for ${warmUp + accounts + 1} accounts …\n`);
    const users = await createTotpUsers(server.deps, 'second-factor', warmUp + accounts + 1);
    await probeOverHttp(server, users.pop()!);
    const cookies: string[] = [];
    for (const user of users) cookies.push(await pendingSecondFactorCookie(server.deps, user.userId));
    // Codes for now (or the next step): with window 1 each stays good for 30 s or more, and the
    // requests take seconds. A slower run would show its late codes as 401s in the table.
    const nowMs = server.deps.clock.now().getTime();
    const requests = users.map((user, i) => ({
      cookie: cookies[i]!,
      address: benchAddress(i),
      body: JSON.stringify({ type: 'totp', code: freshCode(user, nowMs) }),
    }));
    const dir = mkdtempSync(join(tmpdir(), 'twostep-bench-requests-'));
    const send = (from: number, to: number, setupFile: string) =>
      measureHttp(
        context,
        { name: 'second-factor', what: `POST ${path} (TOTP, window 1, replay check; ${to - from} accounts)` },
        path,
        {
          amount: to - from,
          workers: 1,
          requests: [
            {
              method: 'POST',
              path,
              setupRequest: writeRequestModule(dir, setupFile, requests.slice(from, to)),
            },
          ],
        },
      );
    try {
      const warm = await send(0, warmUp, 'warm-up.cjs');
      if (Object.keys(warm.non2xx).length || warm.errors) {
        throw new Error(`The warm-up was refused: ${JSON.stringify(warm.non2xx)}, ${warm.errors} errors`);
      }
      const row = await send(warmUp, requests.length, 'measured.cjs');
      return [row];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * The load generator runs in a worker thread, off the server's event loop, and a worker can only
 * take `setupRequest` as a module to load: this one hands out the prepared requests in order, one
 * pending sign-in each. autocannon calls it exactly once per request it sends.
 */
function writeRequestModule(
  dir: string,
  name: string,
  requests: Array<{ cookie: string; address: string; body: string }>,
) {
  const file = join(dir, name);
  writeFileSync(
    file,
    `'use strict';
const prepared = ${JSON.stringify(requests)};
let next = 0;
module.exports = (request) => {
  const { cookie, address, body } = prepared[next++ % prepared.length];
  return { ...request, headers: { 'content-type': 'application/json', cookie, 'x-forwarded-for': address }, body };
};
`,
  );
  return file;
}

/**
 * One whole sign-in over HTTP before measuring: the real password step must ask this account for
 * its second factor, the app's code must finish it, and the session must then be signed in. A
 * mistake in the set-up fails here, with a message, rather than as 1500 refusals.
 */
async function probeOverHttp(server: BenchServer, user: TotpUser) {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': benchAddress(1 << 20) };
  const post = (to: string, body: unknown, cookie?: string) =>
    fetch(`${server.url}${to}`, {
      method: 'POST',
      headers: cookie ? { ...headers, cookie } : headers,
      body: JSON.stringify(body),
    });
  const signIn = await post('/api/v1/session', { email: user.email, password: benchPassword });
  const pending = sessionCookie(signIn);
  const state = ((await signIn.json()) as { state?: string }).state;
  if (state !== 'second_factor') throw new Error(`Password step answered ${signIn.status} ${state}`);
  const code = freshCode(user, server.deps.clock.now().getTime());
  const finish = await post(path, { type: 'totp', code }, pending);
  const me = await fetch(`${server.url}/api/v1/me`, { headers: { cookie: sessionCookie(finish) } });
  if (finish.status !== 200 || me.status !== 200) {
    throw new Error(`Second factor answered ${finish.status} ${await finish.text()}; /me ${me.status}`);
  }
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('twostep_session='));
  if (!cookie) throw new Error(`${response.url} set no session cookie (${response.status})`);
  return cookie.split(';')[0]!;
}
