import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  joinRememberedTokens,
  maxRememberedTokens,
  parseRememberedTokens,
} from './remembered-device-tokens.js';

const token = () => randomBytes(32).toString('base64url');

describe('remembered-device cookie tokens', () => {
  it('reads back what it wrote, newest first', () => {
    const [a, b, c] = [token(), token(), token()];
    expect(parseRememberedTokens(joinRememberedTokens(c, [b, a]))).toEqual([c, b, a]);
  });

  it('ignores anything that is not a 256-bit base64url token', () => {
    const good = token();
    const value = ['', 'short', `${good}x`, "'; drop table", good, good, '\u0000'.repeat(43)].join('.');
    expect(parseRememberedTokens(value)).toEqual([good]);
    expect(parseRememberedTokens(undefined)).toEqual([]);
    expect(parseRememberedTokens('x'.repeat(100_000))).toEqual([]);
  });

  it(`keeps at most ${maxRememberedTokens}, dropping the oldest`, () => {
    const older = Array.from({ length: maxRememberedTokens }, token);
    const newest = token();
    const kept = parseRememberedTokens(joinRememberedTokens(newest, older));
    expect(kept).toEqual([newest, ...older.slice(0, maxRememberedTokens - 1)]);
  });
});
