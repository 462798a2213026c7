import { describe, expect, it } from 'vitest';
import { isPlausibleEmail, normalizeEmail, readEmailAddress } from './email.js';

describe('readEmailAddress', () => {
  it.each([
    ['a plain address', 'ann@example.com', 'ann@example.com'],
    ['spaces around it', '  ann@example.com ', 'ann@example.com'],
    ['plus and dots in the local part', 'ann.b+news@mail.example.com', 'ann.b+news@mail.example.com'],
    ['an IDN domain in its Unicode form', 'ann@bücher.example', 'ann@bücher.example'],
    ['an IDN domain in its ASCII form', 'ann@xn--bcher-kva.example', 'ann@xn--bcher-kva.example'],
    ['a Cyrillic address', 'анна@пример.рф', 'анна@пример.рф'],
    ['Japanese that mixes Han and kana', 'ann@日本語ドメイン.jp', 'ann@日本語ドメイン.jp'],
    ['full-width letters, read as what they look like', 'ａｎｎ@example.com', 'ann@example.com'],
    ['a ligature, read as its letters', 'ﬁona@example.com', 'fiona@example.com'],
    ['upper case, kept as typed', 'Ann@Example.COM', 'Ann@Example.COM'],
  ])('accepts %s', (_, input, address) => {
    expect(readEmailAddress(input)).toEqual({ ok: true, address });
  });

  it.each([
    ['a comment in the local part', 'ann(boss)@example.com', 'comment'],
    ['a comment after the domain', 'ann@example.com(x)', 'comment'],
    ['a quoted local part', '"ann"@example.com', 'quoted'],
    ['a quoted local part with an @', '"eve@evil.example"@example.com', 'quoted'],
    ['an escaped character', 'ann\\@x@example.com', 'quoted'],
    ['an IPv4 literal domain', 'ann@[192.0.2.1]', 'ip_literal'],
    ['an IPv6 literal domain', 'ann@[IPv6:2001:db8::1]', 'ip_literal'],
    ['a bare IPv4 domain', 'ann@192.0.2.1', 'ip_literal'],
    ['a trailing dot on the domain', 'ann@example.com.', 'dots'],
    ['a trailing dot on the local part', 'ann.@example.com', 'dots'],
    ['a leading dot', '.ann@example.com', 'dots'],
    ['two dots in a row', 'ann..b@example.com', 'dots'],
    ['an empty domain label', 'ann@example..com', 'dots'],
    ['a zero-width space', 'ann\u200b@example.com', 'invisible'],
    ['a zero-width joiner in the domain', 'ann@exam\u200dple.com', 'invisible'],
    ['a soft hyphen', 'ann@exam\u00adple.com', 'invisible'],
    ['a byte-order mark', '\ufeffann@example.com', 'invisible'],
    ['a word joiner', 'ann@example\u2060.com', 'invisible'],
    ['a Hangul filler', 'ann\u3164@example.com', 'invisible'],
    ['a right-to-left override', 'ann@example\u202ecom', 'invisible'],
    ['a space inside', 'ann b@example.com', 'shape'],
    ['a control character', 'ann\u0000@example.com', 'invisible'],
    ['a Cyrillic а in a Latin domain label', 'ann@p\u0430ypal.com', 'mixed_scripts'],
    ['a Greek ο in a Latin local part', 'b\u03bfb@example.com', 'mixed_scripts'],
    ['two @', 'ann@eve@example.com', 'shape'],
    ['no @', 'ann.example.com', 'shape'],
    ['a comma (two recipients to a mailer)', 'ann,eve@example.com', 'shape'],
    ['angle brackets', 'Ann <ann@example.com>', 'shape'],
    ['a group', 'list:ann@example.com;', 'shape'],
    ['a one-label domain', 'ann@localhost', 'shape'],
    ['a hyphen at a label edge', 'ann@-example.com', 'shape'],
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.com`, 'too_long'],
    [
      'an address over 254 characters',
      `ann@${'a'.repeat(62)}.${'b'.repeat(62)}.${'c'.repeat(62)}.${'d'.repeat(62)}.com`,
      'too_long',
    ],
    ['nothing', '   ', 'shape'],
  ])('refuses %s', (_, input, reason) => {
    expect(readEmailAddress(input)).toEqual({ ok: false, reason });
  });
});

describe('normalizeEmail', () => {
  it('folds case and compatibility forms, so look-alikes meet the same account', () => {
    expect(normalizeEmail(' ＡＮＮ@Example.com ')).toBe('ann@example.com');
    expect(normalizeEmail('Ann@EXAMPLE.com')).toBe('ann@example.com');
  });
});

describe('isPlausibleEmail', () => {
  it('stays loose for look-ups, so an existing account can still sign in', () => {
    expect(isPlausibleEmail('"ann"@example.com')).toBe(true);
    expect(isPlausibleEmail('not an address')).toBe(false);
  });
});
