import { describe, expect, it } from 'vitest';
import { generateHOTP } from './hotp.js';

// RFC 4226 Appendix D: secret is ASCII "12345678901234567890", HMAC-SHA-1, 6 digits.
const secret = new TextEncoder().encode('12345678901234567890');
const appendixD: [number, string][] = [
  [0, '755224'],
  [1, '287082'],
  [2, '359152'],
  [3, '969429'],
  [4, '338314'],
  [5, '254676'],
  [6, '287922'],
  [7, '162583'],
  [8, '399871'],
  [9, '520489'],
];

describe('generateHOTP', () => {
  it.each(appendixD)('count %i gives %s (RFC 4226 Appendix D)', (count, expected) => {
    expect(generateHOTP(secret, BigInt(count))).toBe(expected);
    expect(generateHOTP(secret, BigInt(count), { digits: 6, algorithm: 'SHA1' })).toBe(expected);
  });

  it('keeps leading zeros', () => {
    const codes = Array.from({ length: 200 }, (_, i) => generateHOTP(secret, BigInt(i)));
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(codes.some((code) => code.startsWith('0'))).toBe(true);
  });

  it('accepts counters up to 2^64 - 1', () => {
    expect(generateHOTP(secret, (1n << 64n) - 1n)).toMatch(/^\d{6}$/);
  });

  it('throws TypeError on misuse', () => {
    expect(() => generateHOTP(secret, -1n)).toThrow(TypeError);
    expect(() => generateHOTP(secret, 1n << 64n)).toThrow(TypeError);
    expect(() => generateHOTP(secret, 1 as unknown as bigint)).toThrow(TypeError);
    expect(() => generateHOTP(secret, 0n, { digits: 5 as 6 })).toThrow(TypeError);
    expect(() => generateHOTP(secret, 0n, { digits: 9 as 6 })).toThrow(TypeError);
    expect(() => generateHOTP(secret, 0n, { algorithm: 'MD5' as 'SHA1' })).toThrow(TypeError);
  });
});
