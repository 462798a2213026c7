import { describe, expect, it } from 'vitest';
import { allowedReturnUrl } from './return-url.js';

const domains = ['panel.example', '*.apps.example'];

describe('allowedReturnUrl', () => {
  it.each([
    ['https://panel.example/', 'https://panel.example/'],
    ['https://panel.example', 'https://panel.example/'],
    ['https://panel.example/admin?tab=users#top', 'https://panel.example/admin?tab=users#top'],
    ['http://panel.example:8080/x', 'http://panel.example:8080/x'],
    ['https://PANEL.example/x', 'https://panel.example/x'],
    ['https://grafana.apps.example/d/1', 'https://grafana.apps.example/d/1'],
  ])('keeps %s', (value, expected) => {
    expect(allowedReturnUrl(value, domains)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '//panel.example/x',
    'https://evil.example/',
    'https://panel.example.evil.com/',
    'https://panel.exampleevil.com/',
    'https://evilpanel.example/',
    'https://apps.example/',
    'https://evil.com\\@panel.example/',
    'https://panel.example\\@evil.com/',
    'https://panel.example@evil.com/',
    'https://user:pass@panel.example/',
    'https://user@panel.example/',
    'https://evil.com#@panel.example/',
    'https://evil.com?@panel.example/',
    'https:\\\\panel.example/',
    'https:/panel.example/',
    'https:panel.example/',
    ' https://panel.example/',
    'https://panel.example/ x',
    'https://panel.example/\r\nSet-Cookie: x=1',
    'https://panel.example%2eevil.com/',
    'https://panel%2Eexample/',
    'https://pаnel.example/',
    'https://xn--pnel-5cd.example/',
    'https://panel.example./',
    'https://panel。example/',
    'javascript://panel.example/%0aalert(1)',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://panel.example/',
    'ws://panel.example/',
    'https://[::1]/',
    'https://127.0.0.1/',
    `https://panel.example/${'a'.repeat(2100)}`,
    '',
    undefined,
    42,
  ])('refuses %j', (value) => {
    expect(allowedReturnUrl(value, domains)).toBeNull();
  });

  it('refuses every absolute address when no domain is configured', () => {
    expect(allowedReturnUrl('https://panel.example/', [])).toBeNull();
  });
});
