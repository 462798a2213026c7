import type { BenchRow } from '../bench-case.js';

/** One in-process operation to time: a few microseconds of CPU work, called back to back. */
export interface TimedOperation {
  name: string;
  what: string;
  /** Set when `run` returns a promise that must settle before the next call. */
  async?: boolean;
  run: () => unknown;
}

export interface OperationTiming {
  operation: TimedOperation;
  /** rate: calls per second over all rounds; p50Ms, p99Ms: per call, over the batches. */
  row: BenchRow;
}

/** Calls are timed in batches of about this long: long enough that reading the clock is noise. */
const batchMs = 1;

/**
 * Times fast operations in interleaved rounds: every operation gets `roundMs` in turn, again and
 * again, until each has had `seconds`. On a shared machine a burst of other work then slows all
 * of them alike instead of one of them, so their ratios stay meaningful. Calls are timed in
 * batches of about a millisecond (one clock read per call would cost as much as the call); p50
 * and p99 are over the batches' per-call means.
 */
export async function measureOperations(
  operations: TimedOperation[],
  options: { seconds: number; roundMs?: number; warmUpMs?: number },
): Promise<OperationTiming[]> {
  const { seconds, roundMs = 100, warmUpMs = 250 } = options;
  const batches: number[] = [];
  for (const operation of operations) {
    const warmUp = await runFor(operation, warmUpMs, 1);
    batches.push(Math.max(1, Math.round((batchMs * warmUp.calls) / warmUp.ms)));
  }
  const samples = operations.map(() => ({ perCallMs: [] as number[], calls: 0, ms: 0 }));
  const end = performance.now() + seconds * 1000 * operations.length;
  while (performance.now() < end) {
    for (const [i, operation] of operations.entries()) {
      const round = await runFor(operation, roundMs, batches[i]!);
      const sample = samples[i]!;
      sample.perCallMs.push(...round.perCallMs);
      sample.calls += round.calls;
      sample.ms += round.ms;
    }
  }
  return operations.map((operation, i) => timing(operation, samples[i]!));
}

async function runFor(operation: TimedOperation, ms: number, batchSize: number) {
  const perCallMs: number[] = [];
  let calls = 0;
  const start = performance.now();
  const end = start + ms;
  let now = start;
  while (now < end) {
    const began = now;
    if (operation.async) for (let i = 0; i < batchSize; i++) await operation.run();
    else for (let i = 0; i < batchSize; i++) operation.run();
    now = performance.now();
    perCallMs.push((now - began) / batchSize);
    calls += batchSize;
  }
  return { perCallMs, calls, ms: now - start };
}

function timing(
  operation: TimedOperation,
  sample: { perCallMs: number[]; calls: number; ms: number },
): OperationTiming {
  const sorted = sample.perCallMs.sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const row: BenchRow = {
    name: operation.name,
    what: operation.what,
    unit: 'ops/s',
    rate: (sample.calls / sample.ms) * 1000,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    total: sample.calls,
    non2xx: {},
    errors: 0,
    seconds: sample.ms / 1000,
  };
  return { operation, row };
}
