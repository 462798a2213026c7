import type { Context } from 'hono';
import type { HttpEnv } from '../../env.js';

/** A form's text fields; files and repeated names are dropped. The body limit caps the whole. */
export async function readForm(c: Context<HttpEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') fields[name] = value;
  }
  return fields;
}

// An address longer than this is not one (RFC 5321 path limit); passwords get room for passphrases.
export const maxEmailLength = 254;
export const maxPasswordLength = 1024;

/** The typed address, trimmed and cut to its longest possible length, for showing back in the form. */
export function emailField(form: Record<string, string>): string {
  return (form.email ?? '').trim().slice(0, maxEmailLength + 1);
}
