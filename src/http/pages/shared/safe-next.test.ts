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

describe('safeNext with forward-auth domains', () => {
  const domains = ['panel.example', '*.panel.example'];

  it.each([
    ['https://panel.example/admin?tab=1', 'https://panel.example/admin?tab=1'],
    ['https://grafana.panel.example/', 'https://grafana.panel.example/'],
    ['/security', '/security'],
  ])('keeps %s', (value, expected) => {
    expect(safeNext(value, '/security', domains)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '//panel.example',
    '///panel.example',
    '/\\panel.example',
    'https://panel.example.evil.com/',
    'https://evil.com\\@panel.example/',
    'https://evil.com/@panel.example',
    'https://panel.example@evil.com/',
    'https://user:pw@panel.example/',
    'https:\\\\panel.example/',
    'https://pаnel.example/',
    'https://xn--pnel-5cd.example/',
    'https://panel.example%2f@evil.com/',
    'javascript:alert(1)//panel.example',
    'data:text/html,panel.example',
    'ftp://panel.example/',
    'panel.example/admin',
    'https://panel.example/\r\nSet-Cookie: x=1',
  ])('refuses %j', (value) => {
    expect(safeNext(value, '/security', domains)).toBe('/security');
  });

  it('refuses absolute addresses when no domain is listed', () => {
    expect(safeNext('https://panel.example/')).toBe('/security');
  });
});

describe('nextParam', () => {
  it('encodes a path with a query so it survives as one parameter', () => {
    expect(nextParam('/confirm-password?next=/security&a=1')).toBe(
      '/confirm-password%3Fnext%3D/security%26a%3D1',
    );
  });
});
