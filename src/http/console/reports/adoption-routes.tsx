import type { Hono } from 'hono';
import { adoptionReport } from '../../../app/reports/adoption-report.js';
import type { HttpEnv } from '../../env.js';
import { pageContext } from '../../pages/shared/page-context.js';
import { renderPage } from '../../pages/shared/render-page.js';
import { requireStaff, staffMember } from '../staff-guard.js';
import { AdoptionPage } from './adoption-page.js';

/** The adoption dashboard: operators only. Opening it takes today's snapshot if none exists yet. */
export function adoptionPageRoutes(app: Hono<HttpEnv>): void {
  app.get('/console/adoption', requireStaff('operator'), async (c) => {
    const report = await adoptionReport(c.get('deps'));
    const role = staffMember(c).user.staffRole ?? 'operator';
    return renderPage(c, <AdoptionPage page={pageContext(c)} role={role} report={report} />);
  });
}
