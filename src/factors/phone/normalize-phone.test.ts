import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, normalizePhone } from './normalize-phone.js';

const all = null;

describe('normalizePhone', () => {
  it.each([
    ['06 12345678', 'NL', '+31612345678', 'NL'],
    ['+31 6 1234 5678', undefined, '+31612345678', 'NL'],
    ['070-123 45 67', 'SE', '+46701234567', 'SE'],
    ['(11) 91234-5678', 'BR', '+5511912345678', 'BR'],
    ['+1 202 555 0123', 'NL', '+12025550123', 'US'],
  ])('reads %s (default %s) as %s', (phone, defaultCountry, e164, country) => {
    expect(normalizePhone({ phone, defaultCountry, use: 'sms', allowedCountries: all })).toMatchObject({
      ok: true,
      e164,
      country,
    });
  });

  it('refuses what is not a phone number', () => {
    for (const phone of ['12', 'call me', '+999 123', '', '+44 7700 900123'])
      expect(normalizePhone({ phone, defaultCountry: 'NL', use: 'voice', allowedCountries: all })).toEqual({
        ok: false,
        reason: 'invalid_phone',
      });
  });

  it('refuses a fixed line for SMS but calls it', () => {
    const landline = { phone: '+31 20 123 4567', allowedCountries: all };
    expect(normalizePhone({ ...landline, use: 'sms' })).toEqual({ ok: false, reason: 'invalid_phone' });
    expect(normalizePhone({ ...landline, use: 'voice' })).toMatchObject({ ok: true, e164: '+31201234567' });
  });

  it('refuses countries outside the allow-list', () => {
    const allowed = ['NL', 'BE'];
    expect(normalizePhone({ phone: '+46701234567', use: 'sms', allowedCountries: allowed })).toEqual({
      ok: false,
      reason: 'country_not_allowed',
    });
    expect(normalizePhone({ phone: '+31612345678', use: 'sms', allowedCountries: allowed }).ok).toBe(true);
  });
});

describe('masks', () => {
  it('shows the country, one digit and the last four of a number', () => {
    expect(maskPhone('+31612345678')).toBe('+31 6 •••• 5678');
    expect(maskPhone('+12025550123')).toBe('+1 2 •••• 0123');
  });

  it('shows the first character and the domain of an address', () => {
    expect(maskEmail('ann@example.com')).toBe('a•••@example.com');
  });
});

describe('numbers that cost the operator money', () => {
  const check = (phone: string, use: 'sms' | 'voice', allowedHighRisk: readonly string[] = []) =>
    normalizePhone({ phone, use, allowedCountries: all, allowedHighRisk });

  it('refuses premium-rate and shared-cost numbers unless the operator allows them', () => {
    for (const phone of ['+44 909 879 0000', '+44 845 464 0000', '+33 8 91 00 00 00']) {
      expect(check(phone, 'voice'), phone).toEqual({ ok: false, reason: 'invalid_phone' });
      expect(check(phone, 'voice', ['premium']), phone).toMatchObject({ ok: true });
    }
  });

  it('refuses the high-risk calling codes unless the operator names them', () => {
    for (const phone of ['+252 90 7123456', '+53 5 1234567']) {
      expect(check(phone, 'sms'), phone).toEqual({ ok: false, reason: 'country_not_allowed' });
    }
    expect(check('+252 90 7123456', 'sms', ['+252'])).toMatchObject({ ok: true, country: 'SO' });
    expect(check('+53 5 1234567', 'sms', ['+252'])).toMatchObject({ ok: false });
    // Everyday destinations stay open.
    expect(check('+31 6 12345678', 'sms')).toMatchObject({ ok: true });
  });

  it('lets a country the operator lists by name through, as an explicit choice', () => {
    expect(
      normalizePhone({ phone: '+53 5 1234567', use: 'sms', allowedCountries: ['CU'], allowedHighRisk: [] }),
    ).toMatchObject({ ok: true, country: 'CU' });
  });
});
