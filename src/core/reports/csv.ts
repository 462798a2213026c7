/**
 * CSV for spreadsheets (RFC 4180), safe to open in Excel, LibreOffice and Google Sheets.
 *
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
 * those programs, and an attacker controls some of what we export (an e-mail address, a user
 * agent): `=HYPERLINK(…)` in a User-Agent header would become a live link in an operator's sheet.
 * Such a cell gets a leading apostrophe, which the programs show as text (OWASP "CSV Injection").
 */

const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** One cell: neutralized when it could start a formula, quoted when it holds `"`, `,` or a line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers we produce ourselves are data, not formulas: -3 stays a number.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF as RFC 4180 §2 asks. */
export function csvRow(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
