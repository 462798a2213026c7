import type { RequestContext } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { assertStaff } from '../support/staff-access.js';
import { type AuditQuery, auditCsvLines } from './audit-explorer.js';

/**
 * The filtered audit log as CSV lines, for operators. The export itself is audited before a line
 * goes out: the log holds addresses and IP addresses, and who took a copy of it matters.
 */
export async function exportAuditLog(
  deps: AppDeps,
  staff: Authenticated,
  input: { query: AuditQuery; context: RequestContext },
): Promise<{ lines: AsyncGenerator<string>; at: Date }> {
  assertStaff(staff, 'operator');
  const { query } = input;
  const at = deps.clock.now();
  await recordAudit(deps.store, deps.random, at, {
    userId: staff.user.id,
    type: 'audit_log_exported',
    context: input.context,
    detail: {
      email: query.email ?? null,
      organization: query.organizationId ?? null,
      types: query.types?.join(',') ?? null,
      from: query.from?.toISOString() ?? null,
      until: query.until?.toISOString() ?? null,
    },
  });
  return { lines: auditCsvLines(deps, query), at };
}
