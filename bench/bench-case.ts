import type { BenchServer } from './support/bench-server.js';

/** What every case gets: the running server and the bounds of one measurement. */
export interface BenchContext {
  server: BenchServer;
  /** How long each measurement runs. */
  seconds: number;
  /** Concurrent connections (HTTP) or operations in flight (local work). */
  connections: number;
}

/** One line of the results table. Latencies are per request or operation, in milliseconds. */
export interface BenchRow {
  name: string;
  /** What was measured, in a few words: the path and the work behind it. */
  what: string;
  unit: 'req/s' | 'ops/s';
  rate: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  /** Answers other than 2xx, by status; always empty for local work. */
  non2xx: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
  seconds: number;
}

/**
 * One benchmark, in `bench/cases/`, listed in `bench/cases/index.ts`. `npm run bench -- NAME`
 * runs it alone. A case prepares what it needs (users, cookies) and returns one row or more.
 */
export interface BenchCase {
  name: string;
  summary: string;
  run(context: BenchContext): Promise<BenchRow[]>;
}
