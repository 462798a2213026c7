import type { Hono } from 'hono';
import type { HttpEnv } from '../env.js';
import { consoleReportRoutes } from './reports/report-page-routes.js';
import { requireStaff } from './staff-guard.js';
import { consoleUserRoutes } from './user-routes.js';

/**
 * The staff console under /console. The guard runs before every console page: nobody but staff
 * reaches a handler. Each section registers its routes here.
 */
export function consoleRoutes(app: Hono<HttpEnv>): void {
  app.use('/console', requireStaff('support'));
  app.use('/console/*', requireStaff('support'));
  consoleUserRoutes(app);
  consoleReportRoutes(app);
}
