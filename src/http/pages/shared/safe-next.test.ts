import { describe, expect, it } from 'vitest';
import { nextParam, safeNext } from './safe-next.js';

describe('safeNext', () => {
  it.each(['/security', '/confirm-password?next=/security', '/reset-password?token=abc'])(
    'keeps %s',
    (path) => {
      expect(safeNext(path)).toBe(path);
    },
  );

  it.each([
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    'evil.example',
    '/ok\r\nSet-Cookie: x=1',
    '',
    `/${'a'.repeat(600)}`,
    undefined,
    42,
  ])('refuses %j', (value) => {
    expect(safeNext(value)).toBe('/security');
  });

  it('uses the fallback given', () => {
    expect(safeNext('//x', '/sign-in')).toBe('/sign-in');
  });
});

describe('nextParam', () => {
  it('encodes a path with a query so it survives as one parameter', () => {
    expect(nextParam('/confirm-password?next=/security&a=1')).toBe(
      '/confirm-password%3Fnext%3D/security%26a%3D1',
    );
  });
});
