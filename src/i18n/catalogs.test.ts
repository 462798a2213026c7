import { describe, expect, it } from 'vitest';

import { locales, negotiateLocale } from './locales.js';
import { catalogs, translator } from './translate.js';

describe('message catalogs', () => {
  it.each(locales)('%s has exactly the keys of the English catalog, none empty', (locale) => {
    const catalog = catalogs[locale];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const [key, text] of Object.entries(catalog)) expect(text.trim(), key).not.toBe('');
  });

  it.each(locales)('%s keeps every {placeholder} of the English message', (locale) => {
    for (const [key, text] of Object.entries(catalogs.en)) {
      const wanted = (text.match(/\{\w+\}/g) ?? []).sort();
      const got = (catalogs[locale][key as keyof typeof catalogs.en].match(/\{\w+\}/g) ?? []).sort();
      expect(got, `${locale} ${key}`).toEqual(wanted);
    }
  });

  it('fills in placeholders', () => {
    expect(translator('nl')('error.rate_limited', { minutes: 5 })).toBe(
      'Te veel pogingen. Wacht 5 minuten en probeer het opnieuw.',
    );
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['pt-BR', 'pt-BR'],
    ['pt-PT,pt;q=0.9', 'pt-BR'],
    ['de-DE,sv;q=0.5,en;q=0.4', 'sv'],
    ['en;q=0.1,sv;q=0.9', 'sv'],
    ['*', 'en'],
    ['xx;q=bogus,,;', 'en'],
  ])('%s → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
