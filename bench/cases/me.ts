import type { BenchCase } from '../bench-case.js';
import { benchAddress, createBenchUsers, signInCookie } from '../support/bench-users.js';
import { measureHttp } from '../support/load.js';

/** GET /api/v1/me with a signed-in cookie: the session lookup every authenticated request pays. */
export const meCase: BenchCase = {
  name: 'me',
  summary: 'GET /api/v1/me with a session cookie (session and user lookup)',
  async run(context) {
    const { server } = context;
    const [email] = await createBenchUsers(server.deps, 'me', 1);
    const cookie = await signInCookie(server.url, email!, benchAddress(1 << 20));
    const row = await measureHttp(
      context,
      { name: 'me', what: 'GET /api/v1/me (session cookie → session + user rows)' },
      '/api/v1/me',
      { headers: { cookie }, workers: 1 },
    );
    return [row];
  },
};
