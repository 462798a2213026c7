import type { Context } from 'hono';
import type { AuditQuery } from '../../../app/reports/audit-explorer.js';
import { exportAuditLog } from '../../../app/reports/audit-export.js';
import { utcDay } from '../../../core/reports/days.js';
import type { HttpEnv } from '../../env.js';
import { staffMember } from '../staff-guard.js';
import { csvDownload } from './csv-response.js';

/** The audit log as a CSV download, for the API and the console alike; the use case audits it. */
export async function auditCsvExport(c: Context<HttpEnv>, query: AuditQuery): Promise<Response> {
  const { lines, at } = await exportAuditLog(c.get('deps'), staffMember(c), {
    query,
    context: c.get('requestContext'),
  });
  return csvDownload(c, lines, `audit-log-${utcDay(at)}.csv`);
}
