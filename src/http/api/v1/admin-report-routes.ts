import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { adoptionReport } from '../../../app/reports/adoption-report.js';
import { type AuditQuery, searchAuditLog } from '../../../app/reports/audit-explorer.js';
import { DomainError } from '../../../core/errors.js';
import { percentOf } from '../../../core/reports/days.js';
import { auditCsvExport } from '../../console/reports/audit-export.js';
import { requireStaff } from '../../console/staff-guard.js';
import type { HttpEnv } from '../../env.js';
import { jsonAnswer, problems } from './openapi-helpers.js';

const eventType = /^[a-z][a-z0-9_]{0,63}$/;

const AuditEventsQuery = z.object({
  email: z.string().trim().min(1).max(254).optional(),
  organization: z.string().min(1).max(64).optional(),
  type: z
    .string()
    .max(1000)
    .refine((v) => v.split(',').every((t) => eventType.test(t)) && v.split(',').length <= 20, {
      message: 'comma-separated event types, at most 20',
    })
    .optional()
    .openapi({ example: 'sign_in_failed,second_factor_failed' }),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Inclusive' }),
  until: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Exclusive' }),
  cursor: z.string().max(200).optional().openapi({ description: '`nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  format: z.enum(['json', 'csv']).default('json'),
});

const AuditEventRecord = z
  .object({
    id: z.string(),
    type: z.string(),
    at: z.string(),
    userId: z.string().nullable(),
    email: z.string().nullable(),
    ip: z.string(),
    userAgent: z.string(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .openapi('AuditEventRecord');

const AuditEventsPage = z
  .object({ events: z.array(AuditEventRecord), nextCursor: z.string().nullable() })
  .openapi('AuditEventsPage');

const Share = { users: z.number().int(), withTwoFactor: z.number().int(), percent: z.number() };

const Adoption = z
  .object({
    at: z.string(),
    ...Share,
    byMethod: z.array(z.object({ type: z.string(), users: z.number().int(), percent: z.number() })),
    organizations: z.array(z.object({ id: z.string(), name: z.string(), ...Share })),
    history: z.array(
      z.object({ day: z.string(), ...Share, byMethod: z.record(z.string(), z.number().int()) }),
    ),
    deadlines: z.array(
      z.object({
        organization: z.object({ id: z.string(), name: z.string() }).nullable(),
        requiredFrom: z.string(),
        timeZone: z.string().nullable(),
        daysLeft: z.number().int(),
        notReady: z.number().int(),
      }),
    ),
  })
  .openapi('Adoption');

/** Parsed query → use-case query; a range that ends before it starts is bad input, not "nothing". */
function auditQuery(q: z.infer<typeof AuditEventsQuery>): AuditQuery {
  const from = q.from ? new Date(q.from) : undefined;
  const until = q.until ? new Date(q.until) : undefined;
  if (from && until && from > until) throw new DomainError('invalid_input', '`from` is after `until`');
  return { email: q.email, organizationId: q.organization, types: q.type?.split(','), from, until };
}

/** Operators' reports: the audit log (JSON pages or a CSV export) and 2FA adoption. */
export function adminReportRoutes(api: OpenAPIHono<HttpEnv>): void {
  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/audit-events',
      summary: 'Search the audit log (operators); `format=csv` downloads every matching event',
      middleware: [requireStaff('operator')] as const,
      request: { query: AuditEventsQuery },
      responses: {
        200: {
          description: 'A page of events, newest first; or the CSV export',
          content: {
            'application/json': { schema: AuditEventsPage },
            'text/csv': { schema: z.string() },
          },
        },
        ...problems(400, 401, 403),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const query = auditQuery(q);
      if (q.format === 'csv') return auditCsvExport(c, query) as never;
      const page = await searchAuditLog(c.get('deps'), query, { cursor: q.cursor, limit: q.limit });
      return c.json(
        {
          events: page.events.map((e) => ({
            id: e.id,
            type: e.type,
            at: e.at.toISOString(),
            userId: e.userId,
            email: e.email,
            ip: e.ip,
            userAgent: e.userAgent,
            detail: e.detail,
          })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: 'get',
      path: '/admin/adoption',
      summary: 'Share of users with 2FA: now, by method, by organization, and one figure per day (operators)',
      middleware: [requireStaff('operator')] as const,
      request: { query: z.object({ days: z.coerce.number().int().min(1).max(366).default(90) }) },
      responses: { 200: jsonAnswer(Adoption, 'The figures'), ...problems(400, 401, 403) },
    }),
    async (c) => {
      const report = await adoptionReport(c.get('deps'), { days: c.req.valid('query').days });
      return c.json(
        {
          at: report.now.toISOString(),
          users: report.current.users,
          withTwoFactor: report.current.withTwoFactor,
          percent: report.current.percent,
          byMethod: report.byMethod,
          organizations: report.organizations.map((o) => ({
            id: o.organizationId,
            name: o.name,
            users: o.users,
            withTwoFactor: o.withTwoFactor,
            percent: o.percent,
          })),
          history: report.history.flatMap(({ snapshot: s }) =>
            s
              ? [
                  {
                    day: s.day,
                    users: s.users,
                    withTwoFactor: s.withTwoFactor,
                    percent: percentOf(s.withTwoFactor, s.users),
                    byMethod: s.byMethod,
                  },
                ]
              : [],
          ),
          deadlines: report.deadlines.map((d) => ({ ...d, requiredFrom: d.requiredFrom.toISOString() })),
        },
        200,
      );
    },
  );
}
