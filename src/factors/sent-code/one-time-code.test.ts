import { describe, expect, it } from 'vitest';
import type { Random } from '../../ports/random.js';
import {
  codeHashKey,
  codeMatches,
  codeRules,
  generateCode,
  hashCode,
  isLive,
  resendWaitSeconds,
  spacedDigits,
} from './one-time-code.js';

const key = codeHashKey(new Uint8Array(32).fill(7));
const fixed = (value: number): Random => ({ bytes: (n) => new Uint8Array(n), int: () => value });
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 9, 0, seconds));

describe('one-time codes', () => {
  it('draws six digits from the whole range, keeping leading zeros', () => {
    const asked: number[] = [];
    const spy: Random = {
      bytes: (n) => new Uint8Array(n),
      int: (max) => {
        asked.push(max);
        return 42;
      },
    };
    expect(generateCode(spy)).toBe('000042');
    expect(asked).toEqual([1_000_000]);
    expect(generateCode(fixed(999_999))).toBe('999999');
  });

  it('hashes bound to the challenge and the purpose', () => {
    const base = hashCode(key, { challengeId: 'c1', purpose: 'sign_in' }, '123456');
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(key, { challengeId: 'c2', purpose: 'sign_in' }, '123456')).not.toBe(base);
    expect(hashCode(key, { challengeId: 'c1', purpose: 'enroll' }, '123456')).not.toBe(base);
    const otherKey = codeHashKey(new Uint8Array(32).fill(8));
    expect(hashCode(otherKey, { challengeId: 'c1', purpose: 'sign_in' }, '123456')).not.toBe(base);
  });

  it('matches only the exact code of the same challenge and purpose', () => {
    const challenge = {
      id: 'c1',
      purpose: 'sign_in' as const,
      codeHash: hashCode(key, { challengeId: 'c1', purpose: 'sign_in' }, '012345'),
    };
    expect(codeMatches(key, challenge, '012345')).toBe(true);
    for (const wrong of ['12345', '0123456', ' 012345', '０１２３４５', '', '012346'])
      expect(codeMatches(key, challenge, wrong), wrong).toBe(false);
    expect(codeMatches(key, { ...challenge, purpose: 'enroll' }, '012345')).toBe(false);
    expect(codeMatches(key, { ...challenge, id: 'c2' }, '012345')).toBe(false);
  });

  it('lives ten minutes and five wrong tries', () => {
    const sent = at(0);
    const challenge = {
      expiresAt: new Date(sent.getTime() + codeRules.lifetimeMs),
      attempts: 0,
      consumedAt: null,
    };
    expect(isLive(challenge, new Date(sent.getTime() + codeRules.lifetimeMs - 1000))).toBe(true);
    expect(isLive(challenge, new Date(sent.getTime() + codeRules.lifetimeMs + 1000))).toBe(false);
    expect(isLive({ ...challenge, attempts: 4 }, sent)).toBe(true);
    expect(isLive({ ...challenge, attempts: 5 }, sent)).toBe(false);
    expect(isLive({ ...challenge, consumedAt: sent }, sent)).toBe(false);
  });

  it('waits 30 seconds between sends, rounded up', () => {
    expect(resendWaitSeconds(null, at(0))).toBe(0);
    expect(resendWaitSeconds(at(0), at(0))).toBe(30);
    expect(resendWaitSeconds(at(0), new Date(at(29).getTime() + 1))).toBe(1);
    expect(resendWaitSeconds(at(0), at(30))).toBe(0);
  });

  it('spaces digits for a voice to read them one by one', () => {
    expect(spacedDigits('123456')).toBe('1, 2, 3, 4, 5, 6');
  });
});
