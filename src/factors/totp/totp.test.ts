import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../core/base32.js';
import type { OtpAlgorithm } from './hotp.js';
import { generateTOTP, totpStep, verifyTOTP } from './totp.js';

const ascii = (text: string) => new TextEncoder().encode(text);

// RFC 6238 Appendix B: each algorithm has its own seed (the ASCII digits repeated to the hash's size).
const seeds: Record<OtpAlgorithm, Uint8Array> = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};

// [time in seconds, algorithm, 8-digit TOTP], exactly as in the RFC's table.
const appendixB: [number, OtpAlgorithm, string][] = [
  [59, 'SHA1', '94287082'],
  [59, 'SHA256', '46119246'],
  [59, 'SHA512', '90693936'],
  [1111111109, 'SHA1', '07081804'],
  [1111111109, 'SHA256', '68084774'],
  [1111111109, 'SHA512', '25091201'],
  [1111111111, 'SHA1', '14050471'],
  [1111111111, 'SHA256', '67062674'],
  [1111111111, 'SHA512', '99943326'],
  [1234567890, 'SHA1', '89005924'],
  [1234567890, 'SHA256', '91819424'],
  [1234567890, 'SHA512', '93441116'],
  [2000000000, 'SHA1', '69279037'],
  [2000000000, 'SHA256', '90698825'],
  [2000000000, 'SHA512', '38618901'],
  [20000000000, 'SHA1', '65353130'],
  [20000000000, 'SHA256', '77737706'],
  [20000000000, 'SHA512', '47863826'],
];

const key = seeds.SHA1;
const now = 1_700_000_000_000; // step 56666666, 20 s into it
const codeAt = (offsetSteps: number) => generateTOTP(key, now + offsetSteps * 30_000);

describe('totpStep', () => {
  it('follows RFC 6238 §4.2 with T0 = 0 and X = 30', () => {
    expect(totpStep(0)).toBe(0n);
    expect(totpStep(29_999)).toBe(0n);
    expect(totpStep(30_000)).toBe(1n);
    expect(totpStep(59_000)).toBe(1n);
    expect(totpStep(59_000, 60)).toBe(0n);
  });

  it('works past 2^32 seconds (RFC 6238 §4.2)', () => {
    expect(totpStep(20_000_000_000_000)).toBe(666666666n);
    expect(totpStep(2 ** 33 * 1000)).toBe(BigInt(Math.floor(2 ** 33 / 30)));
  });

  it('throws TypeError on misuse', () => {
    expect(() => totpStep(-1)).toThrow(TypeError);
    expect(() => totpStep(Number.NaN)).toThrow(TypeError);
    expect(() => totpStep(0, 0)).toThrow(TypeError);
    expect(() => totpStep(0, 1.5)).toThrow(TypeError);
  });
});

describe('generateTOTP', () => {
  it.each(appendixB)('at %i s %s gives %s (RFC 6238 Appendix B)', (seconds, algorithm, expected) => {
    expect(generateTOTP(seeds[algorithm], seconds * 1000, { algorithm, digits: 8 })).toBe(expected);
  });
});

describe('verifyTOTP', () => {
  it.each(appendixB)('accepts the Appendix B code at %i s with %s', (seconds, algorithm, code) => {
    const result = verifyTOTP({ key: seeds[algorithm], code, nowMs: seconds * 1000, digits: 8, algorithm });
    expect(result).toEqual({ ok: true, step: totpStep(seconds * 1000) });
  });

  it('accepts both edges of the drift window and nothing beyond', () => {
    const step = totpStep(now);
    expect(verifyTOTP({ key, code: codeAt(0), nowMs: now })).toEqual({ ok: true, step });
    expect(verifyTOTP({ key, code: codeAt(-1), nowMs: now })).toEqual({ ok: true, step: step - 1n });
    expect(verifyTOTP({ key, code: codeAt(1), nowMs: now })).toEqual({ ok: true, step: step + 1n });
    expect(verifyTOTP({ key, code: codeAt(-2), nowMs: now })).toEqual({ ok: false, reason: 'wrong' });
    expect(verifyTOTP({ key, code: codeAt(2), nowMs: now })).toEqual({ ok: false, reason: 'wrong' });
  });

  it('honours a wider or zero window', () => {
    expect(verifyTOTP({ key, code: codeAt(2), nowMs: now, window: 2 }).ok).toBe(true);
    expect(verifyTOTP({ key, code: codeAt(-1), nowMs: now, window: 0 }).ok).toBe(false);
  });

  it('refuses a replay of the same code (RFC 6238 §5.2)', () => {
    const first = verifyTOTP({ key, code: codeAt(0), nowMs: now });
    if (!first.ok) throw new Error('first attempt should pass');
    const again = verifyTOTP({ key, code: codeAt(0), nowMs: now + 5_000, lastUsedStep: first.step });
    expect(again).toEqual({ ok: false, reason: 'used' });
  });

  it('refuses every step at or before the last used one (trailing interval)', () => {
    const lastUsedStep = totpStep(now);
    expect(verifyTOTP({ key, code: codeAt(-1), nowMs: now, lastUsedStep })).toEqual({
      ok: false,
      reason: 'used',
    });
    expect(verifyTOTP({ key, code: codeAt(1), nowMs: now, lastUsedStep })).toEqual({
      ok: true,
      step: lastUsedStep + 1n,
    });
    expect(verifyTOTP({ key, code: codeAt(1), nowMs: now, lastUsedStep: lastUsedStep + 1n })).toEqual({
      ok: false,
      reason: 'used',
    });
    expect(verifyTOTP({ key, code: codeAt(0), nowMs: now, lastUsedStep: null }).ok).toBe(true);
  });

  it('reports a wrong code as wrong even after a use', () => {
    const wrong = codeAt(0) === '000000' ? '000001' : '000000';
    expect(verifyTOTP({ key, code: wrong, nowMs: now, lastUsedStep: 1n })).toEqual({
      ok: false,
      reason: 'wrong',
    });
  });

  it('ignores spaces in what was typed', () => {
    const code = codeAt(0);
    expect(verifyTOTP({ key, code: `${code.slice(0, 3)} ${code.slice(3)}`, nowMs: now }).ok).toBe(true);
    expect(verifyTOTP({ key, code: ` ${code} `, nowMs: now }).ok).toBe(true);
  });

  it.each(['', '12345', '1234567', '١٢٣٤٥٦', '12345a', '+12345', '1e5000', '12 34 5', '123456\u0000'])(
    'calls %j malformed',
    (code) => {
      expect(verifyTOTP({ key, code, nowMs: now })).toEqual({ ok: false, reason: 'malformed' });
    },
  );

  it('works at the epoch, where the window reaches below step 0', () => {
    expect(verifyTOTP({ key, code: generateTOTP(key, 0), nowMs: 1_000 })).toEqual({ ok: true, step: 0n });
  });

  it('throws TypeError on misuse', () => {
    const code = codeAt(0);
    expect(() => verifyTOTP({ key, code, nowMs: now, window: -1 })).toThrow(TypeError);
    expect(() => verifyTOTP({ key, code, nowMs: now, window: 11 })).toThrow(TypeError);
    expect(() => verifyTOTP({ key, code, nowMs: now, digits: 9 as 6 })).toThrow(TypeError);
    expect(() => verifyTOTP({ key, code: 'x', nowMs: now, algorithm: 'MD5' as 'SHA1' })).toThrow(TypeError);
    expect(() => verifyTOTP({ key, code: 123456 as unknown as string, nowMs: now })).toThrow(TypeError);
  });
});

// Independent implementations, over keys and times derived from a hash so a failure reproduces.
const cases = Array.from({ length: 36 }, (_, i) => {
  const bytes = createHash('sha256').update(`case ${i}`).digest();
  return {
    key: new Uint8Array(bytes.subarray(0, 20)),
    seconds: bytes.readUInt32BE(20) * 4, // up to 2^34 s, past the 32-bit limit
    algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3]!,
    digits: ([6, 7, 8] as const)[Math.floor(i / 3) % 3]!,
    period: [30, 60][Math.floor(i / 9) % 2]!,
  };
});

describe('cross-check with otpauth (npm)', () => {
  it('generates the same codes', () => {
    for (const { key, seconds, algorithm, digits, period } of cases) {
      const secret = new Secret({ buffer: key.slice().buffer });
      const theirs = TOTP.generate({ secret, algorithm, digits, period, timestamp: seconds * 1000 });
      expect(generateTOTP(key, seconds * 1000, { algorithm, digits, period })).toBe(theirs);
    }
  });
});

const hasOathtool = (() => {
  try {
    execFileSync('oathtool', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// In CI a missing oathtool must fail the run, not quietly skip the only non-JavaScript check.
describe.skipIf(!hasOathtool && !process.env.CI)('cross-check with oathtool (oath-toolkit)', () => {
  it('generates the same codes', () => {
    expect(hasOathtool, 'oathtool is required in CI: apt-get install oathtool').toBe(true);
    for (const { key, seconds, algorithm, digits, period } of cases) {
      const args = [`--totp=${algorithm}`, '-b', '-d', `${digits}`, '-s', `${period}s`, '-N', `@${seconds}`];
      const theirs = execFileSync('oathtool', [...args, encodeBase32(key)], { encoding: 'utf8' }).trim();
      expect(generateTOTP(key, seconds * 1000, { algorithm, digits, period })).toBe(theirs);
    }
  });
});
