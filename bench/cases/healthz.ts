import type { BenchCase } from '../bench-case.js';
import { measureHttp } from '../support/load.js';

/** GET /healthz: no store, no session; the middleware stack and Node's HTTP, i.e. the ceiling. */
export const healthzCase: BenchCase = {
  name: 'healthz',
  summary: 'GET /healthz (framework and middleware only)',
  async run(context) {
    const row = await measureHttp(
      context,
      { name: 'healthz', what: 'GET /healthz (middleware stack, no store)' },
      '/healthz',
      { workers: 1 },
    );
    return [row];
  },
};
