import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argon2Hasher } from '../../src/adapters/crypto/argon2-hasher.js';
import { apiClient } from '../support/client.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { testServer } from '../support/test-server.js';

/**
 * With a mail server configured, an answer that waited for it would tell which addresses have an
 * account: a real server over a network takes a couple of hundred milliseconds per message. The
 * messages are queued and sent after the answer, so both answers cost the same. Pairs are
 * interleaved (known first, then unknown first) so a machine that slows down mid-run slows both.
 */
const pairs = 50;
const warmUp = 5;
const mailDelayMs = 200;
const password = 'a long and quiet evening';
const cheapArgon2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = sorted.length / 2;
  return (sorted[Math.floor(middle - 0.5)]! + sorted[Math.ceil(middle - 0.5)]!) / 2;
};

// On a machine shared by other test runs, one run in three may see the load shift mid-run; an
// answer that waits for mail is 200 ms slower every time, so retries cannot hide that failure.
describe('account existence by timing, with a slow mail server', { timeout: 180_000, retry: 2 }, () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let server: Awaited<ReturnType<typeof testServer>>;
  beforeAll(async () => {
    sink = await startSmtpSink({ delayMs: mailDelayMs });
    server = await testServer({
      env: { TWOSTEP_SMTP_URL: sink.url, TWOSTEP_EVEN_ANSWERS: 'on' },
      deliverBeforeAnswering: false,
      // Both sign-up paths hash the password; at full cost, argon2's jitter on a busy machine
      // (tens of ms) would drown the few milliseconds this test must resolve.
      hasher: argon2Hasher(cheapArgon2),
    });
    expect(
      (await apiClient(server.app).post('/api/v1/accounts', { email: 'known@example.com', password })).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    await sink.close();
  });

  /** Times `ask` for the known and an unknown address, `pairs` times, after a short warm-up. */
  async function timePairs(ask: (email: string, ip: string) => Promise<Response>, expected: number) {
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < warmUp + pairs; i++) {
      // Fresh rate-limit windows for every pair: the limits are not what is measured here.
      server.clock.advance(61 * 60_000);
      const order = i % 2 === 0 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const);
      for (const which of order) {
        const email = which === 'known' ? 'known@example.com' : `nobody-${i}@example.com`;
        const started = performance.now();
        const answer = await ask(email, `198.51.${i}.${which === 'known' ? 1 : 2}`);
        const took = performance.now() - started;
        expect(answer.status).toBe(expected);
        if (i >= warmUp) times[which].push(took);
      }
    }
    return { known: median(times.known), unknown: median(times.unknown) };
  }

  it('answers a password reset for a known address as fast as for an unknown one', async () => {
    const before = sink.messages.length;
    const { known, unknown } = await timePairs(
      (email, ip) => apiClient(server.app, { ip }).post('/api/v1/password-reset', { email }),
      202,
    );
    expect(Math.abs(known - unknown), `median ${known} ms vs ${unknown} ms`).toBeLessThan(5);
    // And the owner was mailed every time, after the answers.
    await server.delivery.kick();
    const mailed = sink.messages.slice(before);
    expect(mailed).toHaveLength(warmUp + pairs);
    expect(new Set(mailed.map((m) => m.subject))).toEqual(new Set(['Reset your password']));
  });

  it('answers a sign-up with a taken address as fast as one with a new address', async () => {
    const before = sink.messages.length;
    const { known, unknown } = await timePairs(
      (email, ip) => apiClient(server.app, { ip }).post('/api/v1/accounts', { email, password }),
      201,
    );
    expect(Math.abs(known - unknown), `median ${known} ms vs ${unknown} ms`).toBeLessThan(5);
    await server.delivery.kick();
    // One e-mail per answer either way: the owner of the taken address is told, the new address
    // gets its verification link.
    expect(sink.messages.slice(before)).toHaveLength(2 * (warmUp + pairs));
  });
});
