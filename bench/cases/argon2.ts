import { hash, verify } from '@node-rs/argon2';
import { owaspArgon2 } from '../../src/adapters/crypto/argon2-hasher.js';
import type { BenchCase, BenchContext, BenchRow } from '../bench-case.js';
import { benchPassword } from '../support/bench-server.js';

const options = { algorithm: 2 /* Argon2id */, ...owaspArgon2 } as const;

/**
 * argon2id straight from @node-rs/argon2 at the server's parameters, with as many operations in
 * flight as the HTTP cases have connections. Verify is what each sign-in pays, so its rate is
 * the ceiling of the sign-in rate on this machine.
 */
export const argon2Case: BenchCase = {
  name: 'argon2',
  summary: 'argon2id hash and verify from @node-rs/argon2 at the production parameters',
  async run(context) {
    const stored = await hash(benchPassword, options);
    const { memoryCost, timeCost, parallelism } = owaspArgon2;
    const params = `m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}`;
    return [
      await measureLocal(context, 'argon2.hash', `argon2id hash (${params})`, () =>
        hash(benchPassword, options),
      ),
      await measureLocal(context, 'argon2.verify', `argon2id verify (${params})`, async () => {
        if (!(await verify(stored, benchPassword))) throw new Error('argon2id verify refused its own hash');
      }),
    ];
  },
};

/** Keeps `connections` operations in flight for `seconds`; rate is completions per second. */
async function measureLocal(
  context: BenchContext,
  name: string,
  what: string,
  operation: () => Promise<unknown>,
): Promise<BenchRow> {
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + context.seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const began = performance.now();
      await operation();
      latencies.push(performance.now() - began);
    }
  };
  await Promise.all(Array.from({ length: context.connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    name,
    what,
    unit: 'ops/s',
    rate: latencies.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    total: latencies.length,
    non2xx: {},
    errors: 0,
    seconds,
  };
}
