import { describe, expect, it } from 'vitest';
import { argon2Hasher } from './argon2-hasher.js';

describe('argon2Hasher', () => {
  const hasher = argon2Hasher();

  it('makes argon2id hashes at OWASP parameters and verifies them', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(stored, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(stored, 'correct horse battery stapl')).toBe(false);
  });

  it('verifies the whole password: two passwords equal for 72 bytes but not after are different', async () => {
    const prefix = 'x'.repeat(72);
    const stored = await hasher.hash(`${prefix}A`);
    expect(await hasher.verify(stored, `${prefix}B`)).toBe(false);
  });

  it('asks for a re-hash when a stored hash used weaker parameters', async () => {
    const weak = await argon2Hasher({ memoryCost: 4096, timeCost: 1, parallelism: 1 }).hash('pw');
    expect(hasher.needsRehash(weak)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('pw'))).toBe(false);
  });

  it('answers false, never throws, for a garbled hash', async () => {
    expect(await hasher.verify('not-a-hash', 'pw')).toBe(false);
  });

  it('keeps the event loop turning while it hashes', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all(Array.from({ length: 4 }, () => hasher.hash('pw')));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
