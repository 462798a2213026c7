import type { Context, Hono } from 'hono';
import { auditFilterChoices, searchAuditLog } from '../../../app/reports/audit-explorer.js';
import { isDomainError } from '../../../core/errors.js';
import type { HttpEnv } from '../../env.js';
import { pageContext } from '../../pages/shared/page-context.js';
import { renderPage } from '../../pages/shared/render-page.js';
import { requireStaff, staffMember } from '../staff-guard.js';
import { auditCsvExport } from './audit-export.js';
import { auditFormQuery, parseAuditForm } from './audit-form.js';
import { AuditPage } from './audit-page.js';

const pageSize = 50;
const organizationChoices = 500;

async function showAudit(c: Context<HttpEnv>) {
  const deps = c.get('deps');
  const staff = staffMember(c);
  const role = staff.user.staffRole ?? 'operator';
  const form = parseAuditForm(c.req.query());
  const { organizations, eventTypes } = await auditFilterChoices(deps, staff, organizationChoices);
  const common = { page: pageContext(c), role, values: form.values, organizations, eventTypes };
  if (!form.ok) {
    return renderPage(
      c,
      <AuditPage {...common} events={[]} nextCursor={null} paged={false} problem="badRange" />,
      400,
    );
  }
  const cursor = c.req.query('cursor') || undefined;
  try {
    const result = await searchAuditLog(deps, form.query, { cursor, limit: pageSize });
    return renderPage(
      c,
      <AuditPage
        {...common}
        events={result.events}
        nextCursor={result.nextCursor}
        paged={cursor !== undefined}
        problem={result.unknownUser ? 'unknownUser' : undefined}
      />,
    );
  } catch (error) {
    // A cursor edited by hand: start again from the newest events of the same filters.
    if (isDomainError(error, 'invalid_input'))
      return c.redirect(`/console/audit${auditFormQuery(form.values)}`, 303);
    throw error;
  }
}

/** The audit explorer pages: operators only, like the API beside them. */
export function auditPageRoutes(app: Hono<HttpEnv>): void {
  app.get('/console/audit', requireStaff('operator'), showAudit);
  app.get('/console/audit.csv', requireStaff('operator'), async (c) => {
    const form = parseAuditForm(c.req.query());
    if (!form.ok) return c.redirect(`/console/audit${new URL(c.req.url).search}`, 303);
    return auditCsvExport(c, form.query);
  });
}
