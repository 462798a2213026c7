/**
 * A masked address or number with no-break spaces: "+31 6 •••• 5678" must not wrap in the middle
 * on a phone, where half a number on each line reads as two numbers.
 */
export function keepTogether(text: string): string {
  return text.replaceAll(' ', '\u00a0');
}
