/**
 * The form of an address used for uniqueness and look-up: trimmed, Unicode NFKC (so full-width
 * and other compatibility look-alikes meet the account they imitate), lower-cased. The address
 * as typed is kept for display and delivery.
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

// Deliberately loose (one @, a dot in the domain, no spaces): used to look an existing account up,
// so an address accepted before the stricter rules below can still sign in.
const plausibleEmail = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/u;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && plausibleEmail.test(email.trim());
}

/** Why a new address is refused; each is a way a mailer could read it as another address. */
export type EmailProblem =
  | 'shape'
  | 'too_long'
  | 'invisible'
  | 'comment'
  | 'quoted'
  | 'ip_literal'
  | 'dots'
  | 'mixed_scripts';

export type EmailReading = { ok: true; address: string } | { ok: false; reason: EmailProblem };

// Characters that show as nothing (zero-width, joiners, soft hyphen, BOM, fillers, bidi controls),
// control characters, lone surrogates, private-use and unassigned code points.
const invisible = /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u;
// RFC 5322 atext, widened to letters, marks and digits of any script (RFC 6531).
const localAtom = /^[\p{L}\p{M}\p{N}!#$%&'*+\-/=?^_`{|}~]+$/u;
const domainLabel = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
const octets = (text: string) => new TextEncoder().encode(text).length;

/**
 * Reads an address someone gives us for a new account, an invitation or an e-mail method, and
 * refuses every form that a mail library or server may deliver somewhere other than where it looks
 * like it goes: comments (`ann(x)@…`), quoting and escapes, IP literals, stray dots, separators
 * (`,` `;` `:` `<`), invisible characters and labels that mix scripts (a Cyrillic а in "pаypal").
 * The address comes back in NFKC, the form we store and send to.
 */
export function readEmailAddress(input: string): EmailReading {
  // Only plain spaces are trimmed: String#trim would also drop a BOM we want to refuse.
  const typed = input.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (invisible.test(typed)) return { ok: false, reason: 'invisible' };
  const address = typed.normalize('NFKC');
  if (invisible.test(address)) return { ok: false, reason: 'invisible' };
  if (/[()]/.test(address)) return { ok: false, reason: 'comment' };
  if (/["\\]/.test(address)) return { ok: false, reason: 'quoted' };
  if (/[[\]]/.test(address)) return { ok: false, reason: 'ip_literal' };
  const parts = address.split('@');
  if (parts.length !== 2 || /\s/u.test(address)) return { ok: false, reason: 'shape' };
  const [local = '', domain = ''] = parts;
  const problem = localProblem(local) ?? domainProblem(domain);
  if (problem) return { ok: false, reason: problem };
  if (octets(local) > 64 || octets(address) > 254) return { ok: false, reason: 'too_long' };
  return { ok: true, address };
}

function localProblem(local: string): EmailProblem | null {
  const atoms = local.split('.');
  if (atoms.some((atom) => atom === '')) return local === '' ? 'shape' : 'dots';
  if (!atoms.every((atom) => localAtom.test(atom))) return 'shape';
  return atoms.some(mixesScripts) ? 'mixed_scripts' : null;
}

function domainProblem(domain: string): EmailProblem | null {
  const labels = domain.split('.');
  if (labels.some((label) => label === '')) return domain === '' ? 'shape' : 'dots';
  // A numeric last label is an address (192.0.2.1), not a host name.
  if (/^\d+$/.test(labels.at(-1) ?? '')) return 'ip_literal';
  if (labels.length < 2 || !labels.every((label) => domainLabel.test(label))) return 'shape';
  if (labels.some((label) => octets(label) > 63)) return 'too_long';
  return labels.some(mixesScripts) ? 'mixed_scripts' : null;
}

const scripts = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Georgian',
  'Hangul',
  'Ethiopic',
  'Cherokee',
  'Khmer',
  'Mongolian',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Han',
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));

// The mixes Unicode's "highly restrictive" level (UTS #39, 5.2) allows: the ways Japanese,
// Chinese and Korean are written, each with Latin. Any other mix in one label is refused.
const allowedMixes = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

function mixesScripts(label: string): boolean {
  const used = new Set<string>();
  for (const char of label) {
    if (!/\p{L}/u.test(char)) continue; // digits, marks and punctuation belong to every script
    used.add(scripts.find((s) => s.pattern.test(char))?.name ?? 'Other');
  }
  if (used.size <= 1) return false;
  return !allowedMixes.some((mix) => [...used].every((name) => mix.has(name)));
}
