import { describe, expect, it } from 'vitest';
import { cryptoRandom } from '../../adapters/crypto/crypto-random.js';
import { decodeBase32 } from '../../core/base32.js';
import type { Random } from '../../ports/random.js';
import { formatSecretForTyping, newTotpSecret } from './new-totp-secret.js';

describe('newTotpSecret', () => {
  it('returns 160 bits from the injected source', () => {
    const fixed: Random = { bytes: (n) => new Uint8Array(n).fill(7), int: () => 0 };
    expect(newTotpSecret(fixed)).toEqual(new Uint8Array(20).fill(7));
  });

  it('differs each time with the real CSPRNG', () => {
    const a = newTotpSecret(cryptoRandom);
    expect(a).toHaveLength(20);
    expect(newTotpSecret(cryptoRandom)).not.toEqual(a);
  });

  it('refuses a source that returns the wrong length', () => {
    const short: Random = { bytes: () => new Uint8Array(10), int: () => 0 };
    expect(() => newTotpSecret(short)).toThrow(TypeError);
  });
});

describe('formatSecretForTyping', () => {
  it('groups base32 in fours', () => {
    const secret = new TextEncoder().encode('12345678901234567890');
    expect(formatSecretForTyping(secret)).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
    const odd = Uint8Array.from({ length: 11 }, (_, i) => i * 23);
    expect(formatSecretForTyping(odd)).toMatch(/^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/);
  });

  it('leaves no trailing space on lengths that are not a multiple of four', () => {
    expect(formatSecretForTyping(new TextEncoder().encode('foobar'))).toBe('MZXW 6YTB OI');
    expect(formatSecretForTyping(new Uint8Array())).toBe('');
  });

  it('decodes back to the same key', () => {
    const secret = newTotpSecret(cryptoRandom);
    expect(decodeBase32(formatSecretForTyping(secret))).toEqual(secret);
  });
});
