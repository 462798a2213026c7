import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cryptoRandom } from './crypto-random.js';
import { createSecretBox, deriveKey, SecretBoxError } from './secret-box.js';

const k1 = new Uint8Array(32).fill(1);
const k2 = new Uint8Array(32).fill(2);
const secret = new TextEncoder().encode('12345678901234567890');
const aad = 'totp:method-1';

const box = (currentKeyId = 'k1', keys = new Map([['k1', k1]])) =>
  createSecretBox({ keys, currentKeyId, random: cryptoRandom });

describe('createSecretBox', () => {
  it('round-trips and writes the v1 format', () => {
    const sealed = box().seal(secret, aad);
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(box().open(sealed, aad)).toEqual(secret);
    expect(box().open(box().seal(new Uint8Array(), aad), aad)).toEqual(new Uint8Array());
  });

  it('uses a fresh iv each time', () => {
    expect(box().seal(secret, aad)).not.toBe(box().seal(secret, aad));
  });

  it('fails on any tampered byte of iv, ciphertext or tag', () => {
    const sealed = box().seal(secret, aad);
    const [version, keyId, ivText, bodyText] = sealed.split('.') as [string, string, string, string];
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    const rebuild = (i: Buffer, b: Buffer) =>
      [version, keyId, i.toString('base64url'), b.toString('base64url')].join('.');
    for (let index = 0; index < iv.length; index++) {
      const bad = Buffer.from(iv);
      bad[index]! ^= 0x01;
      expect(() => box().open(rebuild(bad, body), aad)).toThrow(SecretBoxError);
    }
    for (let index = 0; index < body.length; index++) {
      const bad = Buffer.from(body);
      bad[index]! ^= 0x80;
      expect(() => box().open(rebuild(iv, bad), aad)).toThrow(SecretBoxError);
    }
  });

  it('fails on any changed character of the sealed text', () => {
    const sealed = box().seal(secret, aad);
    for (let index = 0; index < sealed.length; index++) {
      const swapped = sealed[index] === 'A' ? 'B' : 'A';
      const bad = sealed.slice(0, index) + swapped + sealed.slice(index + 1);
      expect(() => box().open(bad, aad)).toThrow(SecretBoxError);
    }
  });

  it('fails with the wrong aad, so a ciphertext copied to another row will not open', () => {
    const sealed = box().seal(secret, aad);
    expect(() => box().open(sealed, 'totp:method-2')).toThrow(SecretBoxError);
    expect(() => box().open(sealed, '')).toThrow(SecretBoxError);
  });

  it('rotates: opens old ciphertexts after a new key becomes current', () => {
    const old = box('k1', new Map([['k1', k1]])).seal(secret, aad);
    const rotated = box(
      'k2',
      new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
    );
    expect(rotated.keyIdOf(old)).toBe('k1');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.open(old, aad)).toEqual(secret);
    const resealed = rotated.seal(rotated.open(old, aad), aad);
    expect(rotated.keyIdOf(resealed)).toBe('k2');
    expect(rotated.needsRotation(resealed)).toBe(false);
  });

  it('fails on an unknown key id, or a key id swapped in the header', () => {
    const sealed = box('k2', new Map([['k2', k2]])).seal(secret, aad);
    expect(() => box().open(sealed, aad)).toThrow(/unknown key id/);
    const both = box(
      'k1',
      new Map([
        ['k1', k1],
        ['k2', k1],
      ]),
    );
    expect(() => both.open(both.seal(secret, aad).replace('.k1.', '.k2.'), aad)).toThrow(SecretBoxError);
  });

  it.each([
    '',
    'v1.k1.abc',
    'v2.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'v1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'v1.k1.AAAAAAAAAAAAAAAA.AAAA',
    'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAA+',
    'v1.k 1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'v1.k1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.x',
  ])('refuses the malformed %j', (sealed) => {
    expect(() => box().open(sealed, aad)).toThrow(SecretBoxError);
  });

  it('throws TypeError on misconfiguration', () => {
    expect(() => box('k9')).toThrow(TypeError);
    expect(() => box('k1', new Map([['k1', new Uint8Array(16)]]))).toThrow(TypeError);
    expect(() => box('k.1', new Map([['k.1', k1]]))).toThrow(TypeError);
  });
});

describe('deriveKey', () => {
  const master = new Uint8Array(32).fill(9);

  it('gives a deterministic 32-byte key per purpose', () => {
    const key = deriveKey(master, 'secret-box');
    expect(key).toHaveLength(32);
    expect(deriveKey(master, 'secret-box')).toEqual(key);
    expect(deriveKey(master, 'recovery-code-pepper')).not.toEqual(key);
    expect(deriveKey(master, 'csrf')).not.toEqual(key);
    expect(deriveKey(new Uint8Array(32).fill(8), 'secret-box')).not.toEqual(key);
  });

  it('is RFC 5869 HKDF-SHA256 with no salt and the purpose as info', () => {
    // Written out from RFC 5869 §2.2-2.3: no salt means HashLen zero bytes; one block gives 32 bytes.
    const prk = createHmac('sha256', new Uint8Array(32)).update(master).digest();
    const okm = createHmac('sha256', prk)
      .update('csrf')
      .update(new Uint8Array([1]))
      .digest();
    expect(deriveKey(master, 'csrf')).toEqual(new Uint8Array(okm));
  });

  it('throws TypeError on misuse', () => {
    expect(() => deriveKey(new Uint8Array(16), 'csrf')).toThrow(TypeError);
    expect(() => deriveKey(master, '')).toThrow(TypeError);
  });
});
