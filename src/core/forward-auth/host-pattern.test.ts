import { describe, expect, it } from 'vitest';
import { hostMatches, isHostPattern } from './host-pattern.js';

describe('hostMatches', () => {
  it.each([
    ['panel.example', 'panel.example', true],
    ['panel.example', 'PANEL.example', true],
    ['panel.example', 'www.panel.example', false],
    ['panel.example', 'panel.example.evil.com', false],
    ['*.panel.example', 'a.panel.example', true],
    ['*.panel.example', 'a.b.panel.example', true],
    ['*.panel.example', 'panel.example', false],
    ['*.panel.example', 'evilpanel.example', false],
    ['*.panel.example', 'a.panel.example.evil.com', false],
    ['*.panel.example', '.panel.example', false],
    ['*.panel.example', 'a..panel.example', false],
    ['panel.example', 'xn--pnel-5cd.example', false],
  ])('%s covers %s: %s', (pattern, host, expected) => {
    expect(hostMatches(pattern, host)).toBe(expected);
  });
});

describe('isHostPattern', () => {
  it.each(['panel.example', '*.panel.example', 'localhost', 'xn--bcher-kva.example', 'A.Example'])(
    'accepts %s',
    (pattern) => expect(isHostPattern(pattern)).toBe(true),
  );

  it.each([
    '',
    '*',
    '*.',
    'a.*.example',
    '**.example',
    'pänel.example',
    'panel.example:443',
    'https://x',
    '-a.example',
    'a b',
  ])('refuses %j', (pattern) => expect(isHostPattern(pattern)).toBe(false));
});
