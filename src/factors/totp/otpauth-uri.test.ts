import { Secret, TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../core/base32.js';
import { buildOtpauthUri, OtpauthUriParseError, parseOtpauthUri } from './otpauth-uri.js';
import { generateTOTP } from './totp.js';

const secret = new TextEncoder().encode('12345678901234567890');
const now = 1_700_000_000_000;

describe('buildOtpauthUri', () => {
  it('writes the Key Uri Format with every parameter', () => {
    const uri = buildOtpauthUri({ issuer: 'Twostep', accountName: 'alice@example.com', secret });
    expect(uri).toBe(
      'otpauth://totp/Twostep:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' +
        '&issuer=Twostep&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('percent-encodes the label and the issuer parameter, spaces as %20', () => {
    const uri = buildOtpauthUri({ issuer: 'ACME Co & Sons', accountName: 'bob+2fa@example.com', secret });
    expect(uri).toContain('/ACME%20Co%20%26%20Sons:bob%2B2fa%40example.com?');
    expect(uri).toContain('&issuer=ACME%20Co%20%26%20Sons&');
    expect(uri).not.toContain('+');
  });

  it('throws TypeError on misuse', () => {
    expect(() => buildOtpauthUri({ issuer: 'A:B', accountName: 'alice', secret })).toThrow(TypeError);
    expect(() => buildOtpauthUri({ issuer: 'A', accountName: 'a:b', secret })).toThrow(TypeError);
    expect(() => buildOtpauthUri({ issuer: '', accountName: 'alice', secret })).toThrow(TypeError);
    expect(() => buildOtpauthUri({ issuer: 'A', accountName: 'a', secret, digits: 9 as 6 })).toThrow(
      TypeError,
    );
    expect(() => buildOtpauthUri({ issuer: 'A', accountName: 'a', secret, period: 0 })).toThrow(TypeError);
  });
});

describe('otpauth (npm) reads what we build', () => {
  const variants = [
    { issuer: 'Twostep', accountName: 'alice@example.com', algorithm: 'SHA1', digits: 6, period: 30 },
    {
      issuer: 'ACME Co & Sons',
      accountName: 'bob+2fa@example.com',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    },
    { issuer: 'Zürich Bank?#', accountName: 'Ünïcødé user/1', algorithm: 'SHA512', digits: 7, period: 30 },
  ] as const;

  it.each(variants)('$issuer / $accountName', (variant) => {
    const otp = URI.parse(buildOtpauthUri({ ...variant, secret }));
    if (!(otp instanceof TOTP)) throw new Error('expected a TOTP');
    expect(otp.issuer).toBe(variant.issuer);
    expect(otp.label).toBe(variant.accountName);
    expect(otp.algorithm).toBe(variant.algorithm);
    expect(otp.digits).toBe(variant.digits);
    expect(otp.period).toBe(variant.period);
    expect(otp.secret.base32).toBe(encodeBase32(secret));
    for (const at of [0, 59_000, now, 20_000_000_000_000]) {
      expect(otp.generate({ timestamp: at })).toBe(generateTOTP(secret, at, variant));
    }
  });
});

describe('parseOtpauthUri', () => {
  it('round-trips what we build', () => {
    const input = {
      issuer: 'Zürich Bank',
      accountName: 'ana maría@example.com',
      secret,
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
    } as const;
    expect(parseOtpauthUri(buildOtpauthUri(input))).toEqual(input);
  });

  it('reads what otpauth (npm) writes', () => {
    const totp = new TOTP({
      issuer: 'ACME Co',
      label: 'carol',
      secret: new Secret({ buffer: secret.slice().buffer }),
    });
    expect(parseOtpauthUri(URI.stringify(totp))).toEqual({
      issuer: 'ACME Co',
      accountName: 'carol',
      secret,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    });
  });

  it('fills in the defaults and takes the issuer from the label alone', () => {
    const parsed = parseOtpauthUri('otpauth://totp/Example:%20alice?secret=gezdgnbvgy3tqojq');
    expect(parsed).toMatchObject({ issuer: 'Example', accountName: 'alice', algorithm: 'SHA1', digits: 6 });
    expect(parsed.period).toBe(30);
  });

  it.each([
    'https://example.com/',
    'otpauth://hotp/A:b?secret=GEZDGNBV&counter=0',
    'otpauth://totp/A:b',
    'otpauth://totp/A:b?secret=not-base32!',
    'otpauth://totp/b?secret=GEZDGNBV',
    'otpauth://totp/A:?secret=GEZDGNBV',
    'otpauth://totp/A:b?secret=GEZDGNBV&issuer=B',
    'otpauth://totp/A:b?secret=GEZDGNBV&algorithm=MD5',
    'otpauth://totp/A:b?secret=GEZDGNBV&digits=5',
    'otpauth://totp/A:b?secret=GEZDGNBV&period=-30',
    'otpauth://totp/A%ZZ:b?secret=GEZDGNBV',
    'not a uri',
  ])('refuses %s', (uri) => {
    expect(() => parseOtpauthUri(uri)).toThrow(OtpauthUriParseError);
  });
});
