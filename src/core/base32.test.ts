import { describe, expect, it } from 'vitest';
import { decodeBase32, encodeBase32 } from './base32.js';

// RFC 4648 §10 test vectors, written here without padding as we emit them.
const vectors: [string, string][] = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

const ascii = (text: string) => new TextEncoder().encode(text);

describe('base32', () => {
  it.each(vectors)('encodes %j as %j (RFC 4648 §10)', (plain, encoded) => {
    expect(encodeBase32(ascii(plain))).toBe(encoded);
  });

  it.each(vectors)('decodes %j from %j', (plain, encoded) => {
    expect(decodeBase32(encoded)).toEqual(ascii(plain));
  });

  it('accepts lowercase, spaces and padding', () => {
    expect(decodeBase32('mzxw 6ytb oi======')).toEqual(ascii('foobar'));
    expect(decodeBase32(' MZXW\t6YQ= ')).toEqual(ascii('foob'));
  });

  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    // Every length mod 5 exercises a different final partial group.
    for (let length = 0; length <= 256; length++) {
      const slice = bytes.subarray(256 - length);
      expect(decodeBase32(encodeBase32(slice))).toEqual(slice);
    }
  });

  it('throws TypeError on characters outside the alphabet', () => {
    for (const bad of ['MZXW0', 'MZXW1', 'MZXW8', 'MZ-XW', 'MZXWé', 'MZ=XW']) {
      expect(() => decodeBase32(bad)).toThrow(TypeError);
    }
  });

  it('throws TypeError on impossible lengths', () => {
    for (const bad of ['M', 'MZX', 'MZXW6Y']) {
      expect(() => decodeBase32(bad)).toThrow(TypeError);
    }
  });
});
