import type { AuditQuery } from '../../../app/reports/audit-explorer.js';

/** The filter fields as typed, to show them back in the form and carry them into links. */
export interface AuditFormValues {
  email: string;
  organization: string;
  type: string;
  from: string;
  until: string;
}

export type AuditFormResult =
  | { ok: true; values: AuditFormValues; query: AuditQuery }
  | { ok: false; values: AuditFormValues; problem: 'badRange' };

const day = /^\d{4}-\d{2}-\d{2}$/;
const eventType = /^[a-z][a-z0-9_]{0,63}$/;
const dayMs = 24 * 60 * 60 * 1000;

function parseDay(value: string): Date | null | undefined {
  if (value === '') return undefined;
  if (!day.test(value)) return null;
  const at = new Date(`${value}T00:00:00Z`);
  // `2026-02-31` parses into March: only a date that reads back the same is one.
  return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value ? null : at;
}

/**
 * Reads the console's filter form (a GET form: the address is the filter, so it can be bookmarked
 * and shared). Dates are whole UTC days and "until" includes its day.
 */
export function parseAuditForm(params: Record<string, string | undefined>): AuditFormResult {
  const pick = (name: string, max: number) => (params[name] ?? '').trim().slice(0, max);
  const values: AuditFormValues = {
    email: pick('email', 254),
    organization: pick('organization', 64),
    type: pick('type', 64),
    from: pick('from', 10),
    until: pick('until', 10),
  };
  const from = parseDay(values.from);
  const untilDay = parseDay(values.until);
  if (from === null || untilDay === null || (from && untilDay && from > untilDay)) {
    return { ok: false, values, problem: 'badRange' };
  }
  return {
    ok: true,
    values,
    query: {
      email: values.email || undefined,
      organizationId: values.organization || undefined,
      // An unknown type simply matches nothing; only a well-formed one reaches the query.
      types: values.type ? (eventType.test(values.type) ? [values.type] : []) : undefined,
      from,
      until: untilDay ? new Date(untilDay.getTime() + dayMs) : undefined,
    },
  };
}

/** The filters as a query string, for the export link and the next page. */
export function auditFormQuery(values: AuditFormValues, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...values, ...extra }).filter(([, v]) => v !== '');
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}
