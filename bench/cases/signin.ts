import { owaspArgon2 } from '../../src/adapters/crypto/argon2-hasher.js';
import type { BenchCase } from '../bench-case.js';
import { benchPassword } from '../support/bench-server.js';
import { benchAddress, createBenchUsers, signInCookie } from '../support/bench-users.js';
import { measureHttp } from '../support/load.js';

const accounts = 200;

/**
 * POST /api/v1/session with the right password: rate-limit bookkeeping, one argon2id verify, a new
 * session row. Each request signs in another account from another address, so the per-account
 * and per-network limits (10 per account and network per 15 minutes) never answer 429.
 */
export const signInCase: BenchCase = {
  name: 'signin',
  summary: `POST /api/v1/session over ${accounts} accounts (argon2id verify per request)`,
  async run(context) {
    const { server } = context;
    const emails = await createBenchUsers(server.deps, 'signin', accounts);
    await signInCookie(server.url, emails[0]!, benchAddress(0));
    let n = 1;
    const { memoryCost, timeCost, parallelism } = owaspArgon2;
    const row = await measureHttp(
      context,
      {
        name: 'signin',
        what: `POST /api/v1/session (argon2id m=${memoryCost} KiB, t=${timeCost}, p=${parallelism})`,
      },
      '/api/v1/session',
      {
        requests: [
          {
            method: 'POST',
            path: '/api/v1/session',
            setupRequest: (request) => {
              const i = n++;
              return {
                ...request,
                headers: { 'content-type': 'application/json', 'x-forwarded-for': benchAddress(i) },
                body: JSON.stringify({ email: emails[i % accounts], password: benchPassword }),
              };
            },
          },
        ],
      },
    );
    return [row];
  },
};
