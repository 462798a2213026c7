import { createHmac } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { verify as otplibVerify } from 'otplib';
import { generateHOTP } from '../../src/factors/totp/hotp.js';
import { generateTOTP, totpStep, verifyTOTP } from '../../src/factors/totp/totp.js';
import type { BenchCase, BenchRow } from '../bench-case.js';
import { measureOperations, type TimedOperation } from '../support/measure-ops.js';

// RFC 4226 Appendix D's 20-byte key, at a fixed time 15 s into its step: every row checks the
// same key at the same moment, so they differ only in how they compute.
const key = new TextEncoder().encode('12345678901234567890');
const keyBuffer = Buffer.from(key);
const nowMs = 1_700_000_015_000;
const step = totpStep(nowMs);
const counterBytes = Buffer.alloc(8);
counterBytes.writeBigUInt64BE(step);
const validCode = generateTOTP(key, nowMs);
const wrongCode = codeOutsideWindow();

/**
 * In-process TOTP checks, no HTTP: raw HMAC-SHA-1 from node:crypto (the limit), our verifyTOTP,
 * and two popular libraries on the same key and time. A window-1 check looks at three time steps,
 * so it is compared with three raw HMACs.
 */
export const totpCase: BenchCase = {
  name: 'totp',
  summary: 'TOTP verification in process: raw HMAC-SHA-1, verifyTOTP, otplib, otpauth',
  async run(context) {
    const operations = timedOperations();
    for (const operation of operations) await assertAnswers(operation);
    const timings = await measureOperations(operations, { seconds: Math.max(1, context.seconds / 3) });
    // Ratios from the median batch: the mean also counts the moments other work took the CPU.
    const rawHmacMs = timings.find((t) => t.operation.name === 'hmac.sha1')!.row.p50Ms;
    return timings.map(({ operation, row }): BenchRow => {
      const micros = `${(row.p50Ms * 1000).toFixed(2)} µs/op`;
      if (operation.name === 'hmac.sha1') return { ...row, what: `${row.what}; p50 ${micros}` };
      const ratio = (row.p50Ms / (3 * rawHmacMs)).toFixed(2);
      return { ...row, what: `${row.what}; p50 ${micros} = ${ratio} × 3 raw HMACs` };
    });
  },
};

function timedOperations(): TimedOperation[] {
  const otpauth = new TOTP({ secret: new Secret({ buffer: key.slice().buffer }) });
  const epoch = nowMs / 1000;
  return [
    {
      name: 'hmac.sha1',
      what: 'createHmac(sha1, 20-byte key) over the 8-byte counter: the limit, 1 HMAC',
      run: () => createHmac('sha1', keyBuffer).update(counterBytes).digest(),
    },
    {
      name: 'hotp.generate',
      what: 'our generateHOTP: 1 HMAC + truncation + decimal string',
      run: () => generateHOTP(key, step),
    },
    {
      name: 'totp.verify.valid',
      what: 'our verifyTOTP, valid code, window 1: 3 HMACs, constant time',
      run: () => verifyTOTP({ key, code: validCode, nowMs, window: 1 }),
    },
    {
      name: 'totp.verify.wrong',
      what: 'our verifyTOTP, wrong code, window 1: 3 HMACs',
      run: () => verifyTOTP({ key, code: wrongCode, nowMs, window: 1 }),
    },
    {
      name: 'otplib.verify.valid',
      what: 'otplib 13 verify (default noble SHA-1), valid, epochTolerance 30 s',
      async: true,
      run: () => otplibVerify({ secret: key, token: validCode, epoch, epochTolerance: 30 }),
    },
    {
      name: 'otplib.verify.wrong',
      what: 'otplib 13 verify (default noble SHA-1), wrong, epochTolerance 30 s',
      async: true,
      run: () => otplibVerify({ secret: key, token: wrongCode, epoch, epochTolerance: 30 }),
    },
    {
      name: 'otpauth.validate.valid',
      what: 'otpauth 9 TOTP.validate, valid, window 1: stops at the first match, 1 HMAC',
      run: () => otpauth.validate({ token: validCode, timestamp: nowMs, window: 1 }),
    },
    {
      name: 'otpauth.validate.wrong',
      what: 'otpauth 9 TOTP.validate, wrong, window 1: 3 HMACs',
      run: () => otpauth.validate({ token: wrongCode, timestamp: nowMs, window: 1 }),
    },
  ];
}

/** A figure for a check that answers wrongly would measure nothing: refuse to run it. */
async function assertAnswers(operation: TimedOperation) {
  const result = (await operation.run()) as unknown;
  const expected = !operation.name.endsWith('.wrong');
  if (accepted(result) !== expected) {
    throw new Error(`${operation.name} answered ${JSON.stringify(result)}, expected ${expected}`);
  }
}

/** A digest or code counts as an answer; otpauth says no with null, the others with a flag. */
function accepted(result: unknown): boolean {
  if (result === null) return false;
  if (typeof result !== 'object' || result instanceof Uint8Array) return true;
  const flags = result as { ok?: boolean; valid?: boolean };
  return flags.ok === true || flags.valid === true;
}

/** Six digits that match none of the three steps a window-1 check looks at. */
function codeOutsideWindow(): string {
  const nearby = [-1, 0, 1].map((offset) => generateTOTP(key, nowMs + offset * 30_000));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!nearby.includes(candidate)) return candidate;
  }
}
