import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './password-policy.js';

describe('checkNewPassword', () => {
  it.each([
    ['short', 'seven77', 'password_too_short'],
    ['common', 'password1', 'password_too_common'],
    ['common, other case', 'PassWord1', 'password_too_common'],
    ['contains the product', 'my-twostep-pw', 'password_contains_context'],
    ['contains the address', 'annabelle-rules', 'password_contains_context'],
    ['too long', 'x'.repeat(257), 'password_too_long'],
  ])('refuses a %s password', (_, password, code) => {
    expect(checkNewPassword(password, { email: 'annabelle@example.com' })).toBe(code);
  });

  it('accepts a long passphrase with spaces and no composition rules', () => {
    expect(checkNewPassword('correct horse battery staple', { email: 'ann@example.com' })).toBeNull();
  });

  it('counts code points, so eight emoji are eight characters', () => {
    expect(checkNewPassword('🔐🔐🔐🔐🔐🔐🔐🔐', {})).toBeNull();
    expect(checkNewPassword('🔐🔐🔐🔐🔐🔐🔐', {})).toBe('password_too_short');
  });

  it('accepts 64 characters and more', () => {
    expect(
      checkNewPassword('a quiet river runs under the old stone bridge at dawn, every day!', {}),
    ).toBeNull();
  });
});
