import { describe, expect, it } from 'vitest';
import { cryptoRandom } from '../../adapters/crypto/crypto-random.js';
import type { Random } from '../../ports/random.js';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_ALPHABET,
} from './recovery-codes.js';

const FORMAT = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;
const pepper = new Uint8Array(32).fill(1);

/** Cycles through fixed values, so tests can see exactly which symbols are drawn. */
function sequenceRandom(values: number[]): Random {
  let next = 0;
  return {
    bytes: () => {
      throw new Error('not used');
    },
    int: (max) => {
      expect(max).toBe(32);
      return values[next++ % values.length]!;
    },
  };
}

describe('RECOVERY_CODE_ALPHABET', () => {
  it('has 32 distinct lowercase symbols and none of the look-alikes o, i, l', () => {
    expect(new Set(RECOVERY_CODE_ALPHABET).size).toBe(32);
    expect(RECOVERY_CODE_ALPHABET).toMatch(/^[0-9a-z]{32}$/);
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[oil]/);
  });
});

describe('generateRecoveryCodes', () => {
  it('makes ten distinct codes in the xxxxx-xxxxx format', () => {
    const codes = generateRecoveryCodes(cryptoRandom);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(FORMAT);
  });

  it('maps each random.int(32) draw to one symbol', () => {
    const random = sequenceRandom(Array.from({ length: 32 }, (_, i) => i));
    const codes = generateRecoveryCodes(random, 3);
    expect(codes.join('').replaceAll('-', '').slice(0, 30)).toBe(RECOVERY_CODE_ALPHABET.slice(0, 30));
  });

  it('draws again rather than return a duplicate', () => {
    const random = sequenceRandom([...Array(10).fill(0), ...Array(10).fill(0), ...Array(10).fill(1)]);
    expect(generateRecoveryCodes(random, 2)).toEqual(['00000-00000', '11111-11111']);
  });

  it('honours count and refuses nonsense', () => {
    expect(generateRecoveryCodes(cryptoRandom, 16)).toHaveLength(16);
    expect(() => generateRecoveryCodes(cryptoRandom, 0)).toThrow(TypeError);
    expect(() => generateRecoveryCodes(cryptoRandom, 1.5)).toThrow(TypeError);
  });
});

describe('normalizeRecoveryCode', () => {
  it.each([
    ['abcde-fghjk', 'abcdefghjk'],
    ['ABCDE-FGHJK ', 'abcdefghjk'],
    ['  abcde fghjk\n', 'abcdefghjk'],
    ['abcdefghjk', 'abcdefghjk'],
    ['a-b-c-d-e-f-g-h-j-k', 'abcdefghjk'],
    ['OIL23-45678', '0112345678'],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeRecoveryCode(input)).toBe(expected);
  });

  it.each(['', 'abcde-fghj', 'abcde-fghjkm', 'abcde-fghju', 'abcde_fghjk', 'abcdé-fghjk', 'abcde-fghj٣'])(
    'refuses %j',
    (input) => {
      expect(normalizeRecoveryCode(input)).toBeNull();
    },
  );

  it('accepts every generated code', () => {
    for (const code of generateRecoveryCodes(cryptoRandom, 50)) {
      expect(normalizeRecoveryCode(code)).toBe(code.replace('-', ''));
    }
  });
});

describe('hashRecoveryCode', () => {
  const code = 'abcdefghjk';

  it('is a deterministic hex HMAC-SHA256', () => {
    const hash = hashRecoveryCode(pepper, 'user-1', code);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(pepper, 'user-1', code)).toBe(hash);
  });

  it('differs per user, per pepper and per code', () => {
    const hash = hashRecoveryCode(pepper, 'user-1', code);
    expect(hashRecoveryCode(pepper, 'user-2', code)).not.toBe(hash);
    expect(hashRecoveryCode(new Uint8Array(32).fill(2), 'user-1', code)).not.toBe(hash);
    expect(hashRecoveryCode(pepper, 'user-1', 'abcdefghjm')).not.toBe(hash);
  });

  it('throws TypeError on misuse', () => {
    expect(() => hashRecoveryCode(new Uint8Array(16), 'user-1', code)).toThrow(TypeError);
    expect(() => hashRecoveryCode(pepper, '', code)).toThrow(TypeError);
    expect(() => hashRecoveryCode(pepper, 'user-1', 'ABCDE-FGHJK')).toThrow(TypeError);
  });
});
