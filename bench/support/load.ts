import autocannon from 'autocannon';
import type { BenchContext, BenchRow } from '../bench-case.js';

/**
 * Runs autocannon against the bench server and turns its result into a table row. `workers: 1`
 * puts the load generator on its own thread, so on a small machine it does not steal the
 * server's event loop; cases whose requests are built by a function (setupRequest) cannot use
 * it, since functions do not cross to a worker.
 */
export async function measureHttp(
  context: BenchContext,
  row: Pick<BenchRow, 'name' | 'what'>,
  path: string,
  options: Omit<autocannon.Options, 'url' | 'duration' | 'connections'> = {},
): Promise<BenchRow> {
  context.server.served.reset();
  const result = await autocannon({
    url: `${context.server.url}${path}`,
    duration: context.seconds,
    connections: context.connections,
    ...options,
  });
  const non2xx: Record<string, number> = {};
  for (const [status, stats] of Object.entries(result.statusCodeStats ?? {})) {
    if (!status.startsWith('2')) non2xx[status] = stats.count ?? 0;
  }
  // A fixed amount ends at autocannon's next whole-second tick: time it by the server's window.
  const served = context.server.served.read();
  const seconds = options.amount ? served.seconds : result.duration;
  return {
    ...row,
    unit: 'req/s',
    rate: result.requests.total / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx,
    errors: result.errors,
    seconds,
  };
}
