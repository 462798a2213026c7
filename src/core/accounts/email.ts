/**
 * The form of an address used for uniqueness and look-up: trimmed, Unicode NFC, lower-cased.
 * The address as typed is kept for display and delivery.
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

// Deliberately loose (one @, a dot in the domain, no spaces): the real proof of an address is a
// message that arrives. Stricter patterns refuse valid addresses.
const plausibleEmail = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/u;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && plausibleEmail.test(email.trim());
}
