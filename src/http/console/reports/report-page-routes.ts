import type { Hono } from 'hono';
import type { HttpEnv } from '../../env.js';
import { adoptionPageRoutes } from './adoption-routes.js';
import { auditPageRoutes } from './audit-routes.js';

/** The operators' reports in the console: the audit explorer and the adoption dashboard. */
export function consoleReportRoutes(app: Hono<HttpEnv>): void {
  auditPageRoutes(app);
  adoptionPageRoutes(app);
}
