import type { Context } from 'hono';
import { recordAudit } from '../../../app/audit.js';
import { type AuditQuery, auditCsvLines } from '../../../app/reports/audit-explorer.js';
import { utcDay } from '../../../core/reports/days.js';
import type { HttpEnv } from '../../env.js';
import { staffMember } from '../staff-guard.js';
import { csvDownload } from './csv-response.js';

/**
 * The audit log as a CSV download, for the API and the console alike. The export itself is
 * audited: the log holds addresses and IP addresses, and who took a copy of it matters.
 */
export async function auditCsvExport(c: Context<HttpEnv>, query: AuditQuery): Promise<Response> {
  const deps = c.get('deps');
  const now = deps.clock.now();
  await recordAudit(deps.store, deps.random, now, {
    userId: staffMember(c).user.id,
    type: 'audit_log_exported',
    context: c.get('requestContext'),
    detail: {
      email: query.email ?? null,
      organization: query.organizationId ?? null,
      types: query.types?.join(',') ?? null,
      from: query.from?.toISOString() ?? null,
      until: query.until?.toISOString() ?? null,
    },
  });
  return csvDownload(c, auditCsvLines(deps, query), `audit-log-${utcDay(now)}.csv`);
}
