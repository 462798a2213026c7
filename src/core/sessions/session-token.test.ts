import { describe, expect, it } from 'vitest';
import type { Random } from '../../ports/random.js';
import { newId } from './session-token.js';

const bytesStartingWith = (first: number): Random => ({
  int: () => 0,
  bytes: (length: number) => Uint8Array.from({ length }, (_, i) => (i === 0 ? first : i)),
});

describe('newId', () => {
  it('never starts with "-", so the CLI does not read an id as an option', () => {
    // 0xf8 puts the 6-bit value 62 first, which base64url writes as '-'.
    const id = newId(bytesStartingWith(0xf8));
    expect(id).toMatch(/^_[A-Za-z0-9_-]{21}$/);
  });

  it('keeps other ids as base64url of 128 bits', () => {
    expect(newId(bytesStartingWith(0x00))).toMatch(/^A[A-Za-z0-9_-]{21}$/);
  });
});
